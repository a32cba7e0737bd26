// A large library for the UI scale figures: N varied .txt files (the bench's mixed corpus
// of Reuters, SaudiNewsNet and BBC texts, plus deterministic variants past the originals)
// imported with the real engine and its index worker, then closed so the e2e app opens it
// cold, as a person reopening a big archive would.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LibraryEngine } from '../../main/core/engine';
import { Library } from '../../main/core/library';
import { sourceWorkerScript } from '../../main/core/workers/worker-entries';
import { planCorpus } from '../bench/corpus/plan';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import type { BenchDoc } from '../bench/corpus/vary';
import { writeCorpus } from '../bench/corpus/write';
import { bbcDir, repoRoot, reutersJsonl, saudiJsonl } from './shared-data';

/** Library size for the UI figures: ARCHIVE_READER_UI_SCALE, else a size that keeps CI quick. */
export function uiScale(env: NodeJS.ProcessEnv = process.env, fallback = 4000): number {
  const raw = env.ARCHIVE_READER_UI_SCALE;
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 100) {
    throw new Error(`ARCHIVE_READER_UI_SCALE must be a whole number ≥ 100, not '${raw}'`);
  }
  return n;
}

export interface ScaleLibrary {
  /** Folder for startE2eApp({ libraryDir }): the library is in its `library` subfolder. */
  dir: string;
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** Import plus indexing, seconds. */
  buildSeconds: number;
  remove(): Promise<void>;
}

const INDEX_TIMEOUT_MS = 30 * 60_000;

/** `size` documents of the mixed corpus; reads only as much of the sources as it needs. */
async function scaleDocs(size: number): Promise<BenchDoc[]> {
  // Limits keep small sizes quick to read while leaving every source in the mix.
  const reuters = await reutersDocs(reutersJsonl, size);
  const saudi = await saudiDocs(saudiJsonl, Math.ceil(size / 3));
  return planCorpus([...reuters, ...saudi, ...(await bbcDocs(bbcDir))], size);
}

/** Writes the corpus, imports it into a new library and waits until the index covers it. */
export async function buildScaleLibrary(
  size: number,
  log: (message: string) => void = () => undefined,
): Promise<ScaleLibrary> {
  const dir = await mkdtemp(join(tmpdir(), 'archive-ui-scale-'));
  const docs = await scaleDocs(size);
  const corpus = await writeCorpus(docs, 'ui-scale');
  log(`wrote ${corpus.files} files (${Math.round(corpus.bytes / 1e6)} MB) to ${corpus.dir}`);
  const require = createRequire(__filename);
  const library = await Library.open(join(dir, 'library'), {
    workerScript: sourceWorkerScript(repoRoot, 'index-worker'),
    workerExecArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
  });
  try {
    return await importAll(library, corpus.dir, dir, docs.length, log);
  } catch (e) {
    await library.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw e;
  } finally {
    await rm(corpus.dir, { recursive: true, force: true });
  }
}

async function importAll(
  library: LibraryEngine,
  corpusDir: string,
  dir: string,
  files: number,
  log: (message: string) => void,
): Promise<ScaleLibrary> {
  const t0 = performance.now();
  let lastLog = 0;
  const summary = await library.importSources([{ path: corpusDir }], {
    onProgress: (p) => {
      if (p.done - lastLog >= 5000) {
        lastLog = p.done;
        log(`imported ${p.done} of ${p.total}`);
      }
    },
  });
  while ((await library.stats()).index.documents < summary.imported.length) {
    if (performance.now() - t0 > INDEX_TIMEOUT_MS) throw new Error('index never caught up');
    await new Promise((r) => setTimeout(r, 100));
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  await library.close();
  if (summary.failed.length > 0) {
    const reasons = new Map<string, number>();
    for (const f of summary.failed) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3);
    log(`${summary.failed.length} failed: ${top.map(([r, n]) => `${n} × ${r}`).join('; ')}`);
  }
  log(`library of ${summary.imported.length} built in ${buildSeconds.toFixed(1)} s`);
  return {
    dir,
    files,
    imported: summary.imported.length,
    duplicates: summary.duplicates.length,
    failed: summary.failed.length,
    buildSeconds,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
