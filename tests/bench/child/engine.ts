// Child process measuring this engine: import + index of the corpus through
// Library.open/importSources with the index worker, freshness of single changes, and
// (in a second, fresh process) cold open, first list, first search and query latency.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LibraryEngine } from '../../../main/core/engine';
import { Library } from '../../../main/core/library';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import {
  adversarialQueries,
  BENCH_TAGS,
  TAG_EVERY,
  timeAdversarial,
  type BenchQuery,
} from '../queries';
import { folderBytes, now, timeQueries, writeResult } from './measure';

interface Config {
  corpusDir: string;
  libraryDir: string;
  queriesFile: string;
  resultFile: string;
}

const POLL_MS = 10;
const FRESH_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 120_000;

const workerOptions = {
  workerScript: sourceWorkerScript(resolve(__dirname, '..', '..', '..'), 'index-worker'),
  workerExecArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
};

/** Ms until `check` holds (polling), or null when it never does within the timeout. */
async function timeUntil(check: () => Promise<boolean>, start: number, timeout: number) {
  while (now() - start < timeout) {
    if (await check()) return now() - start;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}

async function build(config: Config): Promise<void> {
  const lib = await Library.open(config.libraryDir, workerOptions);
  const t0 = now();
  const summary = await lib.importSources([{ path: config.corpusDir }]);
  const importMs = now() - t0;
  const files = summary.imported.length + summary.duplicates.length + summary.failed.length;
  // Import may return before the index has caught up; "import + index" ends when it has.
  const indexedMs = await timeUntil(
    async () => (await lib.stats()).index.documents >= summary.imported.length,
    t0,
    READY_TIMEOUT_MS,
  );
  const buildMs = indexedMs ?? now() - t0;
  await tagForQueries(
    lib,
    summary.imported.map((a) => a.id),
  );
  const fresh = await freshness(lib);
  const c0 = now();
  await lib.close();
  const closeMs = now() - c0;
  writeResult(config.resultFile, {
    files,
    imported: summary.imported.length,
    duplicates: summary.duplicates.length,
    failed: summary.failed.length,
    importMs,
    buildMs,
    importPerSec: files / (buildMs / 1000),
    closeMs,
    ...fresh,
    indexBytes: await folderBytes(join(config.libraryDir, 'index')).catch(() => NaN),
    libraryBytes: await folderBytes(config.libraryDir),
  });
}

/** Puts the bench tags on every TAG_EVERY-th article so tag-filter queries have hits. */
async function tagForQueries(lib: LibraryEngine, ids: string[]): Promise<void> {
  for (const [n, tag] of BENCH_TAGS.entries()) {
    const chosen = ids.filter((_, i) => i % TAG_EVERY === 0 && (i / TAG_EVERY) % 3 === n);
    if (chosen.length > 0) await lib.addTags(chosen, [tag]);
  }
}

/** Time until one added, retagged and removed article shows in search answers. */
async function freshness(lib: LibraryEngine) {
  const token = 'zqxbenchfresh';
  const dir = await mkdtemp(join(tmpdir(), 'archive-reader-bench-fresh-'));
  const file = join(dir, 'fresh.txt');
  await writeFile(file, `Fresh benchmark article\n\nA body with the word ${token} in it.\n`);
  const hits = async (query: string) => (await lib.search({ query, limit: 5 })).hits;

  const a0 = now();
  const added = await lib.importSources([{ path: file }]);
  const id = added.imported[0]?.id;
  const addMs = await timeUntil(async () => (await hits(token)).length > 0, a0, FRESH_TIMEOUT_MS);
  await rm(dir, { recursive: true, force: true });
  if (!id) return { addMs: null, retagMs: null, removeMs: null };

  const r0 = now();
  await lib.addTags([id], ['bench-fresh']);
  const retagMs = await timeUntil(
    async () => (await hits('tag:bench-fresh')).some((h) => h.id === id),
    r0,
    FRESH_TIMEOUT_MS,
  );

  const d0 = now();
  await lib.trash([id]);
  const removeMs = await timeUntil(
    async () => (await hits(token)).length === 0,
    d0,
    FRESH_TIMEOUT_MS,
  );
  return { addMs, retagMs, removeMs };
}

async function cold(config: Config): Promise<void> {
  const queries = JSON.parse(readFileSync(config.queriesFile, 'utf8')) as BenchQuery[];
  const t0 = now();
  const lib = await Library.open(config.libraryDir, workerOptions);
  const openMs = now() - t0;
  await lib.list({ limit: 50 });
  const coldListMs = now() - t0;
  const first = await lib.search({ query: queries[0]!.engine, limit: 20 });
  const firstSearchMs = now() - t0;
  // Latency is measured on the whole index, so wait until no segment is still loading.
  const readyMs = await timeUntil(
    async () => !(await lib.search({ query: queries[0]!.engine, limit: 1 })).partial,
    t0,
    READY_TIMEOUT_MS,
  );
  const timing = await timeQueries(
    queries.map((q) => q.engine),
    (q) => lib.search({ query: q, limit: 20 }),
  );
  // Each costly query must answer or be refused within 1 s.
  const adversarial = await timeAdversarial(adversarialQueries(queries), (q) =>
    lib.search({ query: q, limit: 20 }),
  );
  await lib.close();
  writeResult(config.resultFile, {
    openMs,
    coldListMs,
    firstSearchMs,
    firstSearchPartial: first.partial,
    readyMs,
    ...timing,
    adversarial,
  });
}

const [mode, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson ?? '{}') as Config;
(mode === 'build' ? build(config) : cold(config)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(
      `engine bench child failed: ${e instanceof Error ? e.stack : String(e)}\n`,
    );
    process.exit(1);
  },
);
