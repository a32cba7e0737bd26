// Scale probe, run by hand: npx tsx tests/scripts/scale-probe.ts [--size 10000] [--corpus DIR]
//   [--threads] [--cpu-prof DIR] [--memory] [--reindex] [--build-only]
// A quick engine-only stand-in for `npm run bench` while tuning: builds (or reuses) a corpus
// of N .txt files from the shared corpora, then in one child process imports it and times
// single-article freshness, and in a second, fresh child times cold open, first list, first
// search and query latency. Every child reports its peak RSS (worker threads included).
// --threads: busy and idle seconds of the main thread and of each worker during the import.
// --cpu-prof DIR: V8 CPU profiles of the build child and its workers, one file per thread.
// --memory: what the main thread and each worker's heap hold when the process RSS peaks.
// --reindex: after the build, a fresh child opens the library and times reindex().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { LibraryEngine } from '../../main/core/engine';
import { raiseIoThreads } from '../../main/core/io-threads';
import { recordThreadUsage, threadUsage } from '../../main/core/workers/thread-usage';
import { sampleMemory, type MemoryPeak } from './probe-memory';
import { Library } from '../../main/core/library';
import { sourceWorkerScript } from '../../main/core/workers/worker-entries';
import { planCorpus } from '../bench/corpus/plan';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import { writeCorpus } from '../bench/corpus/write';
import { BENCH_TAGS, TAG_EVERY, buildQueries, type BenchQuery } from '../bench/queries';
import { bbcDir, hasShared, repoRoot, reutersJsonl, saudiJsonl } from '../support/shared-data';

const now = (): number => performance.now();
const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
// The parent passes probe switches to its children through the environment.
const PROBE_ENV = 'ARCHIVE_READER_PROBE';
const probeFlags = new Set((process.env[PROBE_ENV] ?? '').split(',').filter(Boolean));
const profileDir = process.env.ARCHIVE_READER_PROBE_PROF;
const profileArgs = (dir: string | undefined): string[] =>
  dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
const workerOptions = {
  workerScript: sourceWorkerScript(repoRoot, 'index-worker'),
  workerExecArgv: [
    '--import',
    pathToFileURL(require.resolve('tsx')).href,
    ...profileArgs(profileDir),
  ],
};

/** Seconds with one decimal. */
const sec = (ms: number): number => Math.round(ms / 100) / 10;

/** Per thread: busy and idle seconds and the busy share, from thread-usage.ts. */
function threadReport(): object[] {
  return threadUsage().map((t) => ({
    thread: t.name,
    busyS: sec(t.activeMs),
    idleS: sec(t.idleMs),
    busyPct: Math.round((100 * t.activeMs) / Math.max(1, t.activeMs + t.idleMs)),
  }));
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** Ms from t0 until `check` holds, polling for at most `timeout` ms from now. */
async function until(check: () => Promise<boolean>, t0: number, timeout = 300_000) {
  const end = now() + timeout;
  while (now() < end) {
    if (await check()) return Math.round(now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

/** Child: import the corpus, tag it, time freshness of one add/retag/remove. */
async function build(corpus: string, library: string): Promise<object> {
  if (probeFlags.has('threads')) recordThreadUsage();
  const lib = await Library.open(library, workerOptions);
  const t0 = now();
  const cpu0 = process.cpuUsage();
  // What the threads hold when the process's RSS is highest.
  const memory: { peak: MemoryPeak; stop: () => void } = sampleMemory(probeFlags.has('memory'));
  const summary = await lib.importSources([{ path: corpus }]);
  const importMs = now() - t0;
  const indexedMs = await until(
    async () => (await lib.stats()).index.documents >= summary.imported.length,
    t0,
  );
  // CPU time of every thread: a figure that a busy machine distorts far less than wall time.
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerArticle = (cpu.user + cpu.system) / 1000 / summary.imported.length;
  const threads = probeFlags.has('threads') ? threadReport() : undefined;
  // The tagging below re-indexes a seventh of the articles: its peak is not the import's.
  const importPeak = { ...memory.peak };
  const ids = summary.imported.map((a) => a.id);
  const tagT = now();
  for (const [n, tag] of BENCH_TAGS.entries()) {
    const chosen = ids.filter((_, i) => i % TAG_EVERY === 0 && (i / TAG_EVERY) % 3 === n);
    if (chosen.length) await lib.addTags(chosen, [tag]);
  }
  const tagMs = now() - tagT;
  const fresh = probeFlags.has('build-only') ? {} : await freshness(lib);
  const c0 = now();
  await lib.close();
  memory.stop();
  const files = summary.imported.length + summary.duplicates.length + summary.failed.length;
  return {
    files,
    imported: summary.imported.length,
    failed: summary.failed.length,
    importMs: Math.round(importMs),
    indexedMs,
    perSec: Math.round(files / ((indexedMs ?? importMs) / 1000)),
    cpuMsPerArticle: Number(cpuMsPerArticle.toFixed(2)),
    bulkTagMs: Math.round(tagMs),
    ...fresh,
    closeMs: Math.round(now() - c0),
    peakRssMb: rssMb(),
    atPeak: memory.peak,
    importPeak,
    ...(threads ? { threads } : {}),
  };
}

/** Child: open the library and time a reindex of every article. */
async function reindex(library: string): Promise<object> {
  if (probeFlags.has('threads')) recordThreadUsage();
  const lib = await Library.open(library, workerOptions);
  const memory = sampleMemory(probeFlags.has('memory'));
  const articles = (await lib.stats()).articles;
  const t0 = now();
  const cpu0 = process.cpuUsage();
  // The index is rebuilt first; version groups and entities are found again after it.
  let indexMs = 0;
  await lib.reindex({
    onProgress: (p) => {
      if (p.done >= p.total) indexMs = now() - t0;
    },
  });
  const reindexMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const threads = probeFlags.has('threads') ? threadReport() : undefined;
  await lib.close();
  memory.stop();
  return {
    articles,
    reindexMs: Math.round(reindexMs),
    indexMs: Math.round(indexMs),
    cpuMsPerArticle: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, articles)).toFixed(2)),
    peakRssMb: rssMb(),
    atPeak: memory.peak,
    ...(threads ? { threads } : {}),
  };
}

async function freshness(lib: LibraryEngine) {
  const token = 'zqxprobefresh';
  const dir = await mkdtemp(join(tmpdir(), 'scale-probe-fresh-'));
  const file = join(dir, 'fresh.txt');
  await writeFile(file, `Fresh probe article\n\nA body with the word ${token} in it.\n`);
  const hits = async (q: string) => (await lib.search({ query: q, limit: 5 })).hits;
  const a0 = now();
  const id = (await lib.importSources([{ path: file }])).imported[0]?.id;
  const addMs = await until(async () => (await hits(token)).length > 0, a0, 10_000);
  const r0 = now();
  await lib.addTags([id!], ['probe-fresh']);
  const retagMs = await until(
    async () => (await hits('tag:probe-fresh')).some((h) => h.id === id),
    r0,
    10_000,
  );
  const d0 = now();
  await lib.trash([id!]);
  const removeMs = await until(async () => (await hits(token)).length === 0, d0, 10_000);
  await rm(dir, { recursive: true, force: true });
  return { addMs, retagMs, removeMs };
}

/** Child: cold open, first list, first search, then latency over the query set by kind. */
async function cold(library: string, queriesFile: string): Promise<object> {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
  const t0 = now();
  const lib = await Library.open(library, workerOptions);
  const openMs = now() - t0;
  await lib.list({ limit: 50 });
  const listMs = now() - t0;
  const l1 = now();
  await lib.list({ limit: 50, sort: 'title', order: 'asc' });
  const titleListMs = now() - l1;
  const l2 = now();
  await lib.list({ limit: 50, offset: 500 });
  const warmListMs = now() - l2;
  const first = await lib.search({ query: queries[0]!.engine, limit: 20 });
  const firstSearchMs = now() - t0;
  const readyMs = await until(
    async () => !(await lib.search({ query: queries[0]!.engine, limit: 1 })).partial,
    t0,
  );
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (const q of queries) {
    const t = now();
    await lib.search({ query: q.engine, limit: 20 }).catch(() => undefined);
    const ms = now() - t;
    all.push(ms);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
  }
  const stats = await lib.stats();
  await lib.close();
  const kinds = Object.fromEntries(
    [...byKind].map(([k, v]) => [k, `${pct(v, 50).toFixed(0)}/${pct(v, 95).toFixed(0)}`]),
  );
  return {
    openMs: Math.round(openMs),
    listMs: Math.round(listMs),
    titleListMs: Math.round(titleListMs),
    warmListMs: Math.round(warmListMs),
    firstSearchMs: Math.round(firstSearchMs),
    firstPartial: first.partial,
    readyMs,
    segments: stats.index.segments,
    p50: Math.round(pct(all, 50)),
    p95: Math.round(pct(all, 95)),
    max: Math.round(Math.max(...all)),
    kindsP50P95: kinds,
    peakRssMb: rssMb(),
  };
}

/** The environment with the thread pool the app asks for (set before tsx's loader starts). */
function ioEnv(flags: string[], prof: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [PROBE_ENV]: flags.join(',') };
  if (prof) env.ARCHIVE_READER_PROBE_PROF = prof;
  raiseIoThreads(env);
  return env;
}

function runChild(args: string[], flags: string[] = [], prof?: string): object {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', ...profileArgs(prof), '--import', 'tsx', __filename, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: ioEnv(flags, prof),
    },
  );
  if (r.status !== 0) throw new Error(`child ${args[0]} exited with ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as object;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      corpus: { type: 'string' },
      library: { type: 'string' },
      'cold-only': { type: 'boolean' },
      'build-only': { type: 'boolean' },
      threads: { type: 'boolean' },
      memory: { type: 'boolean' },
      reindex: { type: 'boolean' },
      'cpu-prof': { type: 'string' },
    },
    allowPositionals: true,
  });
  const [mode, a, b] = positionals;
  if (mode === 'build') return void console.log(JSON.stringify(await build(a!, b!)));
  if (mode === 'cold') return void console.log(JSON.stringify(await cold(a!, b!)));
  if (mode === 'reindex') return void console.log(JSON.stringify(await reindex(a!)));
  if (!hasShared) return void console.log('shared corpora missing; nothing to probe');
  const size = Number(values.size);
  const corpus = values.corpus ?? join(tmpdir(), `scale-probe-corpus-${size}`);
  const queriesFile = join(corpus, '..', `scale-probe-queries-${size}.json`);
  if (!existsSync(queriesFile) || !existsSync(corpus)) {
    const t = now();
    const docs = planCorpus(
      [
        ...(await reutersDocs(reutersJsonl)),
        ...(await saudiDocs(saudiJsonl)),
        ...(await bbcDocs(bbcDir)),
      ],
      size,
    );
    if (!existsSync(corpus)) {
      const written = await writeCorpus(docs, `probe-${size}`);
      await rm(corpus, { recursive: true, force: true });
      spawnSync('mv', [written.dir, corpus]);
    }
    writeFileSync(queriesFile, JSON.stringify(buildQueries(docs)));
    console.error(`[probe] corpus of ${size} ready in ${((now() - t) / 1000).toFixed(1)} s`);
  }
  const library = values.library ?? join(tmpdir(), `scale-probe-lib-${size}`);
  const flags = (['threads', 'memory', 'build-only'] as const).filter((f) => values[f]);
  const prof = values['cpu-prof'];
  if (prof) mkdirSync(prof, { recursive: true });
  if (!values['cold-only']) {
    await rm(library, { recursive: true, force: true });
    mkdirSync(library, { recursive: true });
    console.error('[probe] build…');
    console.log('build', JSON.stringify(runChild(['build', corpus, library], flags, prof)));
  }
  if (values.reindex) {
    console.error('[probe] reindex…');
    console.log('reindex', JSON.stringify(runChild(['reindex', library], flags, prof)));
  }
  if (values['build-only']) return;
  console.error('[probe] cold…');
  console.log('cold ', JSON.stringify(runChild(['cold', library, queriesFile])));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
