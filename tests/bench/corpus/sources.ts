// Reads the shared corpora into memory as benchmark documents.
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { BenchDoc } from './vary';

/** Records of a gzipped JSON Lines file, up to `limit` of those `keep` accepts. */
export async function readJsonl<T>(
  path: string,
  map: (record: Record<string, unknown>) => T | null,
  limit = Infinity,
): Promise<T[]> {
  const out: T[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const item = map(JSON.parse(line) as Record<string, unknown>);
    if (item !== null) out.push(item);
    if (out.length >= limit) break;
  }
  lines.close();
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** `title\n\nbody`, or whichever of the two exists; null when both are empty. */
function titled(title: string, body: string): string | null {
  if (!title && !body) return null;
  return title && body ? `${title}\n\n${body}\n` : `${title || body}\n`;
}

/** The first `limit` Reuters-21578 stories that have a title or a body. */
export async function reutersDocs(path: string, limit = Infinity): Promise<BenchDoc[]> {
  let n = 0;
  return readJsonl(
    path,
    (r) => {
      const text = titled(str(r.title), str(r.body));
      if (text === null) return null;
      n += 1;
      return { name: `reuters/${String(Math.floor(n / 1000)).padStart(2, '0')}/${n}.txt`, text };
    },
    limit,
  );
}

/** SaudiNewsNet articles (Arabic) that have a title or content. */
export async function saudiDocs(path: string, limit = Infinity): Promise<BenchDoc[]> {
  let n = 0;
  return readJsonl(
    path,
    (r) => {
      const text = titled(str(r.title), str(r.content));
      if (text === null) return null;
      n += 1;
      return { name: `saudi/${String(Math.floor(n / 1000)).padStart(2, '0')}/${n}.txt`, text };
    },
    limit,
  );
}

/** Every .txt file of the BBC folder, bytes kept as they are (one file is Latin-1). */
export async function bbcDocs(dir: string): Promise<BenchDoc[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      return { name: `bbc/${relative(dir, file)}`, text: bytes.toString('utf8'), bytes };
    }),
  );
}
