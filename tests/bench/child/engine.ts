// Child process measuring this engine: import + index of the corpus through
// Library.open/importSources with the index worker, freshness of single changes, and
// (in a second, fresh process) cold open, first list, first search and query latency; with
// --highlights, a third process adds highlights and notes to a copy of the library, whose
// cold runs the parent then alternates with those of the original; with --reindex, a last
// process times a reindex of the library.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
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
import { pickNote, pickPassage, spreadPositions } from '../highlight-plan';
import { folderBytes, now, peakRssMb, timeQueries, writeResult } from './measure';

interface Config {
  corpusDir: string;
  libraryDir: string;
  queriesFile: string;
  resultFile: string;
  /** Highlight mode: how many highlights to add. */
  highlights?: string;
  /** Build mode: 'off' imports without version signatures and entities. */
  discovery?: string;
}

const POLL_MS = 10;
const FRESH_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 120_000;
/** Articles whose related articles (as many as the reader asks for) are timed in a cold run. */
const RELATED_SAMPLES = 100;
/** Ids are listed in pages of this many (the contract's list limit). */
const LIST_PAGE = 10_000;

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
  const discovery = config.discovery !== 'off';
  const lib = await Library.open(config.libraryDir, { ...workerOptions, discovery });
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
  // The process's peak so far, then after each later phase: which one sets the build's peak.
  const importPeakRssMb = Math.round(peakRssMb());
  // Entities are extracted after the import; listing them waits until every article has them.
  if (discovery) await lib.listEntities({});
  const discoveredMs = discovery ? now() - t0 : null;
  const discoveredPeakRssMb = Math.round(peakRssMb());
  const tag0 = now();
  await tagForQueries(
    lib,
    summary.imported.map((a) => a.id),
  );
  const bulkTagMs = Math.round(now() - tag0);
  const taggedPeakRssMb = Math.round(peakRssMb());
  const fresh = await freshness(lib);
  const freshPeakRssMb = Math.round(peakRssMb());
  const c0 = now();
  await lib.close();
  const closeMs = now() - c0;
  const phases = {
    importPeakRssMb,
    discoveredPeakRssMb,
    bulkTagMs,
    taggedPeakRssMb,
    freshPeakRssMb,
    closedPeakRssMb: Math.round(peakRssMb()),
  };
  console.error(`[bench] build phases ${JSON.stringify(phases)}`);
  writeResult(config.resultFile, {
    files,
    imported: summary.imported.length,
    duplicates: summary.duplicates.length,
    failed: summary.failed.length,
    importMs,
    buildMs,
    discoveredMs,
    importPerSec: files / (buildMs / 1000),
    closeMs,
    ...phases,
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
  const related = await timeQueries(await spreadIds(lib, RELATED_SAMPLES), (id) =>
    lib.related({ id }),
  );
  await lib.close();
  // A failure here must not cost the cold figures above.
  const facets = await facetsOnOpen(config.libraryDir).catch(() => null);
  writeResult(config.resultFile, {
    openMs,
    coldListMs,
    firstSearchMs,
    firstSearchPartial: first.partial,
    readyMs,
    ...timing,
    adversarial,
    related: { p50: related.p50, p95: related.p95 },
    facets,
  });
}

/**
 * Opens the library again (modules loaded, index files in the OS cache) and times the first
 * facet counts over the whole library with every article's entities known, then a second call.
 */
async function facetsOnOpen(dir: string): Promise<{ firstMs: number; againMs: number }> {
  const t0 = now();
  const lib = await Library.open(dir, workerOptions);
  try {
    while ((await lib.entityFacets({})).pending > 0) {
      if (now() - t0 > READY_TIMEOUT_MS) throw new Error('entities never loaded');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const firstMs = now() - t0;
    const t1 = now();
    await lib.entityFacets({});
    return { firstMs, againMs: now() - t1 };
  } finally {
    await lib.close();
  }
}

/** `count` article ids spread evenly over the list's order (one list call each). */
async function spreadIds(lib: LibraryEngine, count: number): Promise<string[]> {
  const { total } = await lib.list({ limit: 1 });
  const ids: string[] = [];
  for (let k = 0; k < Math.min(count, total); k++) {
    const page = await lib.list({ offset: Math.floor((k * total) / count), limit: 1 });
    if (page.items[0]) ids.push(page.items[0].id);
  }
  return ids;
}

/** Every article id in the library (trash excluded), page by page. */
async function allIds(lib: LibraryEngine): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await lib.list({ offset: ids.length, limit: LIST_PAGE });
    ids.push(...page.items.map((a) => a.id));
    if (page.items.length === 0 || ids.length >= page.total) return ids;
  }
}

/** Sizes of the caches highlights grow: the catalogue snapshot and journal, and the index. */
async function cacheBytes(dir: string) {
  const size = async (f: string) => (await stat(join(dir, f)).catch(() => null))?.size ?? 0;
  return {
    snapshotBytes: await size('catalog.json'),
    journalBytes: await size('catalog.journal'),
    indexBytes: await folderBytes(join(dir, 'index')).catch(() => NaN),
  };
}

interface Placed {
  id: string;
  range: { start: number; end: number };
  language: string;
}

/**
 * The n-th highlight's article and passage: the article at `at` in the sorted ids, or, when
 * it has fewer than five words (a title-only story) or, with `onePer`, already has its
 * highlight, the next one that qualifies. `short` collects the articles passed over.
 */
async function placeOne(
  lib: LibraryEngine,
  sorted: readonly string[],
  at: number,
  n: number,
  counts: Map<string, number>,
  short: Set<string>,
  onePer: boolean,
): Promise<Placed | null> {
  for (let step = 0; step < sorted.length; step++) {
    const id = sorted[(at + step) % sorted.length]!;
    if (short.has(id) || (onePer && counts.has(id))) continue;
    const article = await lib.get(id);
    const range = pickPassage(article.body, n, counts.get(id) ?? 0);
    if (range) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return { id, range, language: article.language };
    }
    short.add(id);
  }
  return null;
}

/**
 * Adds `config.highlights` highlights spread over the library (see highlight-plan.ts), one
 * call each as the reader makes them, and waits until `has:highlights` finds every
 * highlighted article, so the next cold run measures an index that holds them all.
 */
async function highlight(config: Config): Promise<void> {
  const count = Number(config.highlights);
  const lib = await Library.open(config.libraryDir, workerOptions);
  const before = await cacheBytes(config.libraryDir);
  const sorted = (await allIds(lib)).sort();
  const counts = new Map<string, number>();
  const short = new Set<string>();
  let added = 0;
  let notes = 0;
  // Only the addHighlight calls: reading the article is what the reader did before selecting.
  let addMs = 0;
  const t0 = now();
  for (const [n, at] of spreadPositions(sorted.length, count).entries()) {
    const placed = await placeOne(lib, sorted, at, n, counts, short, count <= sorted.length);
    if (!placed) break;
    const note = pickNote(n, placed.language);
    const a0 = now();
    await lib.addHighlight({ id: placed.id, ...placed.range, ...(note ? { note } : {}) });
    addMs += now() - a0;
    added += 1;
    if (note) notes += 1;
  }
  const totalMs = now() - t0;
  const articles = counts.size;
  const indexedMs = await timeUntil(
    async () => (await lib.search({ query: 'has:highlights', limit: 1 })).total >= articles,
    now(),
    READY_TIMEOUT_MS,
  );
  await lib.close();
  writeResult(config.resultFile, {
    highlights: added,
    notes,
    articles,
    skipped: short.size,
    addMs,
    totalMs,
    msPerHighlight: added > 0 ? addMs / added : NaN,
    indexedMs,
    before,
    after: await cacheBytes(config.libraryDir),
  });
}

/** --reindex: a fresh process opens the built library and times reindex() of every article. */
async function reindex(config: Config): Promise<void> {
  const lib = await Library.open(config.libraryDir, workerOptions);
  const articles = (await lib.stats()).articles;
  const t0 = now();
  const cpu0 = process.cpuUsage();
  // The index is rebuilt first; version groups and entities are found again after it.
  let indexMs: number | null = null;
  await lib.reindex({
    onProgress: (p) => {
      if (p.done >= p.total) indexMs = now() - t0;
    },
  });
  const reindexMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await lib.close();
  writeResult(config.resultFile, {
    articles,
    reindexMs,
    indexMs,
    cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / Math.max(1, articles),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

const modes: Record<string, (config: Config) => Promise<void>> = {
  build,
  cold,
  highlight,
  reindex,
};
const [mode, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson ?? '{}') as Config;
const run = modes[mode ?? ''];
if (!run) throw new Error(`unknown engine bench mode '${mode}'`);
run(config).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(
      `engine bench child failed: ${e instanceof Error ? e.stack : String(e)}\n`,
    );
    process.exit(1);
  },
);
