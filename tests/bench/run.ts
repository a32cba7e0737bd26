// npm run bench [-- --quick] [-- --size N] [-- --keep] [-- --ui] [-- --highlights N [-- --rounds K]]
//   [-- --rules N [-- --rounds K]] [-- --reindex]
// Builds each corpus in a temp folder, measures this engine and plain Lunr in separate
// child processes, prints one markdown table plus PASS/MISS targets, and saves it to
// tests/bench/.results/latest.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  bbcDir,
  hasShared,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';
import { raiseIoThreads } from '../../main/core/io-threads';
import { planCorpus } from './corpus/plan';
import { bbcDocs, reutersDocs, saudiDocs } from './corpus/sources';
import type { BenchDoc } from './corpus/vary';
import { writeCorpus } from './corpus/write';
import { buildQueries } from './queries';
import {
  renderDiscovery,
  renderHighlights,
  renderTable,
  renderTargets,
  type EngineCold,
  type HighlightResult,
  type SizeResult,
} from './report';

interface CorpusSpec {
  label: string;
  kind: 'bbc' | 'reuters' | 'mixed';
  size: number;
}

const CHILD_HEAP_MB = 4096;

interface Flags {
  specs: CorpusSpec[];
  keep: boolean;
  dryRun: boolean;
  ui: boolean;
  /** Highlights to add to a copy of the library; 0 skips that part. */
  highlights: number;
  /** Cold runs of each library, without and with highlights. */
  rounds: number;
  /** Also import each corpus without version signatures and entities, for the ratio. */
  discovery: boolean;
  /** Also time a reindex of each library, in a fresh process, after the cold runs. */
  reindex: boolean;
}

function parseFlags(): Flags {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      size: { type: 'string', multiple: true },
      keep: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      ui: { type: 'boolean' },
      highlights: { type: 'string' },
      rounds: { type: 'string' },
      rules: { type: 'string' },
      discovery: { type: 'boolean' },
      reindex: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run bench [-- --quick] [-- --size N]... [-- --keep] [-- --dry-run] [-- --ui]' +
        ' [-- --highlights N [-- --rounds K]] [-- --discovery] [-- --rules N [-- --rounds K]] [-- --reindex]\n',
    );
    process.exit(0);
  }
  const specs: CorpusSpec[] = [{ label: 'BBC 2,225', kind: 'bbc', size: 2225 }];
  if (!values.quick) specs.push({ label: 'Reuters 10,000', kind: 'reuters', size: 10_000 });
  for (const s of values.size ?? []) {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1000)
      throw new Error(`--size must be a whole number ≥ 1000, not '${s}'`);
    specs.push({ label: `mixed ${n.toLocaleString('en-US')}`, kind: 'mixed', size: n });
  }
  const highlights = Number(values.highlights ?? 0);
  if (!Number.isInteger(highlights) || highlights < 0)
    throw new Error(`--highlights must be a whole number ≥ 0, not '${values.highlights}'`);
  const rounds = Number(values.rounds ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a whole number ≥ 1, not '${values.rounds}'`);
  return {
    specs,
    keep: values.keep === true,
    dryRun: values['dry-run'] === true,
    ui: values.ui === true,
    highlights,
    rounds,
    discovery: values.discovery === true,
    reindex: values.reindex === true,
  };
}

/** The documents of a corpus and the folder holding them as .txt files. */
async function prepareCorpus(
  spec: CorpusSpec,
): Promise<{ docs: BenchDoc[]; dir: string; temp: boolean }> {
  if (spec.kind === 'bbc') return { docs: await bbcDocs(bbcDir), dir: bbcDir, temp: false };
  const docs =
    spec.kind === 'reuters'
      ? await reutersDocs(reutersJsonl, spec.size)
      : planCorpus(
          [
            ...(await reutersDocs(reutersJsonl)),
            ...(await saudiDocs(saudiJsonl)),
            ...(await bbcDocs(bbcDir)),
          ],
          spec.size,
        );
  const written = await writeCorpus(docs, spec.kind);
  return { docs, dir: written.dir, temp: true };
}

/** Runs one child script under tsx and returns the JSON it wrote. */
async function runChild(
  script: string,
  mode: string,
  config: Record<string, string>,
  tag = '',
): Promise<object> {
  const resultFile = join(config.workDir!, `${script}-${mode}${tag}.json`);
  const args = [
    `--max-old-space-size=${CHILD_HEAP_MB}`,
    '--import',
    pathToFileURL(require.resolve('tsx')).href,
    resolve(__dirname, 'child', `${script}.ts`),
    mode,
    JSON.stringify({ ...config, resultFile }),
  ];
  // stderr is passed through and its tail kept, so a crash can be named in the table.
  let tail = '';
  const exit = await new Promise<{ code: number | null; signal: string | null }>((done) => {
    // The thread pool the app and the CLI ask for (main/core/io-threads.ts); under tsx the
    // loader uses the pool before any of our code runs, so it is set in the environment.
    const env = { ...process.env };
    raiseIoThreads(env);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], env });
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString()).slice(-8192);
    });
    child.on('close', (code, signal) => done({ code, signal }));
    child.on('error', () => done({ code: null, signal: null }));
  });
  if (exit.code !== 0) {
    const why = /heap out of memory/.test(tail)
      ? `out of memory (JS heap limit ${CHILD_HEAP_MB} MB)`
      : exit.signal
        ? `killed by ${exit.signal}`
        : `exit status ${exit.code}`;
    throw new Error(`${script} ${mode} failed: ${why}`);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as object;
}

async function measure(
  spec: CorpusSpec,
  keep: boolean,
  highlights: number,
  rounds: number,
  discovery: boolean,
  reindex = false,
): Promise<SizeResult> {
  const log = (m: string) => process.stderr.write(`[bench] ${spec.label}: ${m}\n`);
  log('preparing corpus');
  const corpus = await prepareCorpus(spec);
  const workDir = await mkdtemp(join(tmpdir(), 'archive-reader-bench-work-'));
  const queriesFile = join(workDir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(buildQueries(corpus.docs)));
  const base = { workDir, corpusDir: corpus.dir, queriesFile };
  const result: SizeResult = {
    label: spec.label,
    size: corpus.docs.length,
    engine: { error: '' },
    lunr: { error: '' },
  };
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | { error: string }> => {
    log(what);
    try {
      return await fn();
    } catch (e) {
      log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const engineCfg = { ...base, libraryDir: join(workDir, 'library') };
  const engine = await attempt('engine import + index', () =>
    runChild('engine', 'build', engineCfg),
  );
  if (!('error' in engine)) {
    const cold = await attempt('engine cold open', () => runChild('engine', 'cold', engineCfg));
    result.engine = {
      ...(engine as object),
      ...('error' in cold ? {} : { cold }),
    } as SizeResult['engine'];
  } else result.engine = engine;
  if (highlights > 0 && !('error' in result.engine) && result.engine.cold) {
    // After the first cold run, which stays the table's figure.
    result.highlights = await withHighlights(engineCfg, highlights, rounds, keep, attempt);
  }
  if (reindex && !('error' in result.engine)) {
    // Last of the engine's runs: it rewrites the index the cold runs measured.
    const r = await attempt('engine reindex', () => runChild('engine', 'reindex', engineCfg));
    result.reindex = r as SizeResult['reindex'];
  }
  if (discovery && !('error' in result.engine)) {
    const plainCfg = { ...base, libraryDir: join(workDir, 'library-plain'), discovery: 'off' };
    const plain = await attempt('engine import + index without versions and entities', () =>
      runChild('engine', 'build', plainCfg),
    );
    result.plainBuild = plain as SizeResult['plainBuild'];
    await rm(plainCfg.libraryDir, { recursive: true, force: true });
  }
  const lunrCfg = { ...base, indexFile: join(workDir, 'lunr-index.json') };
  const lunr = await attempt('plain lunr build', () => runChild('lunr', 'build', lunrCfg));
  if (!('error' in lunr)) {
    const cold = await attempt('plain lunr cold load', () => runChild('lunr', 'cold', lunrCfg));
    result.lunr = {
      ...(lunr as object),
      ...('error' in cold ? {} : { cold }),
    } as SizeResult['lunr'];
  } else result.lunr = lunr;
  if (!keep) {
    await rm(workDir, { recursive: true, force: true });
    if (corpus.temp) await rm(corpus.dir, { recursive: true, force: true });
  } else log(`kept ${workDir}${corpus.temp ? ` and ${corpus.dir}` : ''}`);
  return result;
}

type Attempt = <T>(what: string, fn: () => Promise<T>) => Promise<T | { error: string }>;

/**
 * --highlights: adds them to a copy of the library, then runs cold alternately on the
 * original and the copy, `rounds` times each. One cold run moves by ±20% between runs on a
 * shared machine, and two builds of one corpus end with different segment layouts, so only
 * copies of one library measured turn about, under the same load, can resolve a few per cent.
 */
async function withHighlights(
  engineCfg: Record<string, string>,
  count: number,
  rounds: number,
  keep: boolean,
  attempt: Attempt,
): Promise<HighlightResult | { error: string }> {
  const copyCfg = { ...engineCfg, libraryDir: `${engineCfg.libraryDir!}-highlights` };
  const copied = await attempt('copy the library', async () => {
    await cp(engineCfg.libraryDir!, copyCfg.libraryDir, { recursive: true });
    return {};
  });
  if ('error' in copied) return copied;
  const added = await attempt(`add ${count.toLocaleString('en-US')} highlights to the copy`, () =>
    runChild('engine', 'highlight', { ...copyCfg, highlights: String(count) }),
  );
  if ('error' in added) return added;
  const without: EngineCold[] = [];
  const withHl: EngineCold[] = [];
  for (let r = 1; r <= rounds; r++) {
    const pair = [
      { cfg: engineCfg, into: without, name: 'without' },
      { cfg: copyCfg, into: withHl, name: 'with' },
    ];
    // Either side goes first every other round, so neither always runs just after the other.
    if (r % 2 === 0) pair.reverse();
    for (const { cfg, into, name } of pair) {
      // Own result files: the first cold run's stays for --keep.
      const cold = await attempt(`cold open ${name} highlights, round ${r}/${rounds}`, () =>
        runChild('engine', 'cold', cfg, `-${name}-${r}`),
      );
      if ('error' in cold) return cold;
      into.push(cold as EngineCold);
    }
  }
  // It is inside workDir, but that goes only after the Lunr runs: free the disk now.
  if (!keep) await rm(copyCfg.libraryDir, { recursive: true, force: true });
  return { ...(added as object), without, with: withHl } as HighlightResult;
}

/** --dry-run: generate the corpus and the queries, print their shape, measure nothing. */
async function describeCorpus(spec: CorpusSpec, keep: boolean): Promise<void> {
  const t0 = Date.now();
  const corpus = await prepareCorpus(spec);
  const queries = buildQueries(corpus.docs);
  const kinds = new Map<string, number>();
  for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  const variants = corpus.docs.filter((d) => d.name.startsWith('variants/')).length;
  process.stdout.write(
    `${spec.label}: ${corpus.docs.length} files (${variants} variants) in ${corpus.dir}, ` +
      `${queries.length} queries (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  for (const q of queries.slice(0, 3)) process.stdout.write(`  e.g. ${q.engine}\n`);
  if (corpus.temp && !keep) await rm(corpus.dir, { recursive: true, force: true });
}

/**
 * --ui: the e2e UI scale figures (tests/e2e/ui-scale.test.ts) at `size`, in real Chromium;
 * returns its table, or a line saying why there is none.
 */
function runUiScale(size: number): string {
  process.stderr.write(`[bench] UI figures at ${size.toLocaleString('en-US')} articles\n`);
  const root = resolve(__dirname, '..', '..');
  const vitest = resolve(root, 'node_modules', 'vitest', 'vitest.mjs');
  const table = join(root, 'tests', 'e2e', '.artifacts', 'ui-scale.md');
  // A skipped run writes nothing: do not pass off an older table as this run's.
  rmSync(table, { force: true });
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--project', 'e2e', 'tests/e2e/ui-scale.test.ts'],
    {
      cwd: root,
      env: { ...process.env, ARCHIVE_READER_UI_SCALE: String(size) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const failed =
    run.status !== 0 ? `UI figures at ${size}: the e2e run failed (exit ${run.status}).` : '';
  try {
    return [failed, readFileSync(table, 'utf8').trim()].filter(Boolean).join('\n\n');
  } catch {
    return failed || `UI figures at ${size}: none written (Chromium or the shared data missing?).`;
  }
}

/** --rules N: only the import with N tagging rules against without, at 10,000 articles. */
function rulesFlag(): number {
  const at = process.argv.indexOf('--rules');
  if (at < 0) return 0;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--rules must be a whole number ≥ 1');
  return n;
}

async function measureRules(count: number, rounds: number): Promise<void> {
  const spec: CorpusSpec = { label: 'Reuters 10,000', kind: 'reuters', size: 10_000 };
  const corpus = await prepareCorpus(spec);
  const workDir = await mkdtemp(join(tmpdir(), 'archive-reader-bench-rules-'));
  try {
    const queriesFile = join(workDir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(buildQueries(corpus.docs)));
    const result = (await runChild('rules', 'compare', {
      workDir,
      corpusDir: corpus.dir,
      queriesFile,
      rules: String(count),
      rounds: String(rounds),
    })) as {
      rules: number;
      withoutMs: number[];
      withMs: number[];
      ratio: number;
      meanRatio: number;
      cpuRatio: number;
      tagsAdded: number;
    };
    const ms = (xs: number[]) => xs.map((x) => `${(x / 1000).toFixed(1)} s`).join(', ');
    const pct = (result.ratio - 1) * 100;
    const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
    const text = [
      `## Tagging rules at import (${spec.label}, ${result.rules} rules, ${rounds} pairs)`,
      '',
      `without rules: ${ms(result.withoutMs)}; with ${result.rules} rules: ${ms(result.withMs)}`,
      `median ratio of the pairs ${result.ratio.toFixed(3)} (${signed(pct)}); ` +
        `ratio of the totals ${signed((result.meanRatio - 1) * 100)}; ` +
        `CPU ${signed((result.cpuRatio - 1) * 100)}; ` +
        `${result.tagsAdded.toLocaleString('en-US')} tags added; target ≤ +5%: ` +
        `${pct <= 5 ? 'PASS' : 'MISS'}`,
    ].join('\n');
    process.stdout.write(text + '\n');
    const outDir = resolve(__dirname, '.results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'rules.md'), text + '\n');
  } finally {
    await rm(workDir, { recursive: true, force: true });
    if (corpus.temp) await rm(corpus.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stdout.write(`Benchmarks skipped: ${sharedSkipReason}\n`);
    return;
  }
  const { specs, keep, dryRun, ui, highlights, rounds, discovery, reindex } = parseFlags();
  const ruleCount = rulesFlag();
  if (ruleCount > 0) return void (await measureRules(ruleCount, rounds));
  if (dryRun) {
    for (const spec of specs) await describeCorpus(spec, keep);
    return;
  }
  const results: SizeResult[] = [];
  for (const spec of specs)
    results.push(await measure(spec, keep, highlights, rounds, discovery, reindex));
  const markdown = [
    `# Benchmark ${new Date().toISOString()}`,
    '',
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ` +
      'cold open and query latency from a fresh process; see docs/benchmarks.md.',
    '',
    renderTable(results),
    '',
    '## Targets',
    '',
    renderTargets(results),
    '',
    '## Discovery (versions, related articles, entities)',
    '',
    renderDiscovery(results),
    ...(highlights > 0 ? ['', '## Highlights', '', renderHighlights(results)] : []),
  ].join('\n');
  const uiSizes = specs.filter((s) => s.kind === 'mixed').map((s) => s.size);
  const uiTables = ui ? (uiSizes.length > 0 ? uiSizes : [4000]).map(runUiScale) : [];
  const fullText = [markdown, ...uiTables].join('\n\n');
  process.stdout.write(fullText + '\n');
  const outDir = resolve(__dirname, '.results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.md'), fullText + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
