// Writes a planned corpus into a fresh temporary folder (never into the repo).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BenchDoc } from './vary';

export interface WrittenCorpus {
  dir: string;
  files: number;
  bytes: number;
}

const PARALLEL_WRITES = 64;

/** Writes every document under a new folder in os.tmpdir(). */
export async function writeCorpus(
  docs: readonly BenchDoc[],
  label: string,
): Promise<WrittenCorpus> {
  const dir = await mkdtemp(join(tmpdir(), `archive-reader-bench-${label}-`));
  const dirs = new Set(docs.map((d) => dirname(join(dir, d.name))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < docs.length; i += PARALLEL_WRITES) {
    await Promise.all(
      docs.slice(i, i + PARALLEL_WRITES).map((d) => {
        const data = d.bytes ?? Buffer.from(d.text, 'utf8');
        bytes += data.byteLength;
        return writeFile(join(dir, d.name), data);
      }),
    );
  }
  return { dir, files: docs.length, bytes };
}
