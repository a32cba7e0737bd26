// npm run fuzz [-- --count 20000] [-- --seed 1] [-- --limit 20]
// Search fuzzing at scale: builds a library in a temp folder (the BBC corpus when the shared
// data is there, plus a small generated library in several scripts), runs the seeded query
// generator the unit test uses, and prints a report: outcomes, refusal reasons, latency
// percentiles and the slowest queries. Exits 1 when any query failed with anything but a
// BAD_QUERY refusal.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isArchiveError } from '../../main/core/errors';
import { Library } from '../../main/core/library';
import { bbcDir, hasShared, sharedSkipReason } from '../support/shared-data';
import { fuzzQueries, generatedArticles, vocabularyOf } from '../unit/search/fuzz-queries';

interface Outcome {
  query: string;
  ms: number;
  kind: 'answered' | 'capped' | 'refused' | 'failed';
  detail: string;
}

const workerOptions = {
  workerScript: resolve(__dirname, '..', '..', 'main', 'core', 'search', 'workers', 'worker.ts'),
  workerExecArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
};

function flags(): { count: number; seed: number; limit: number } {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run fuzz [-- --count N] [-- --seed S] [-- --limit L]\n');
    process.exit(0);
  }
  const whole = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, not '${text}'`);
    return Number(text);
  };
  return {
    count: whole('count', values.count, 20_000),
    seed: whole('seed', values.seed, 1),
    limit: whole('limit', values.limit, 20),
  };
}

/** Texts of the corpus files and their folder, or nothing without the shared data. */
async function corpusFolders(): Promise<{ folders: string[]; sample: string[] }> {
  if (!hasShared) {
    process.stderr.write(`[fuzz] BBC corpus skipped: ${sharedSkipReason}\n`);
    return { folders: [], sample: [] };
  }
  const entries = await readdir(bbcDir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(bbcDir, e.name));
  const sample: string[] = [];
  for (const f of folders) {
    const names = (await readdir(f)).filter((n) => n.endsWith('.txt')).slice(0, 60);
    for (const n of names) sample.push(await readFile(join(f, n), 'latin1'));
  }
  return { folders, sample };
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** A query as one printable line: controls escaped, long ones cut. */
const printable = (query: string): string => {
  const json = JSON.stringify(query);
  return json.length > 110 ? `${json.slice(0, 107)}…"` : json;
};

/** The kind of a refusal, from its message with the quoted and numeric parts blanked. */
const reasonOf = (message: string): string =>
  message
    .replace(/"[^]*"/u, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 90);

async function main(): Promise<void> {
  const { count, seed, limit } = flags();
  const root = await mkdtemp(join(tmpdir(), 'archive-reader-fuzz-'));
  try {
    const generated = generatedArticles(seed + 20, 240);
    const genDir = join(root, 'generated');
    await mkdir(genDir);
    await Promise.all(
      generated.map((t, i) => writeFile(join(genDir, `g${i}.txt`), `${t.title}\n\n${t.body}\n`)),
    );
    const corpus = await corpusFolders();
    const lib = await Library.open(join(root, 'library'), workerOptions);
    const t0 = performance.now();
    const summary = await lib.importSources([genDir, ...corpus.folders].map((path) => ({ path })));
    process.stderr.write(
      `[fuzz] imported ${summary.imported.length} articles in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    while ((await lib.search({ query: 'the', limit: 1 })).partial) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const vocabulary = vocabularyOf([
      ...generated.map((t) => `${t.title} ${t.body}`),
      ...corpus.sample,
    ]);
    const outcomes: Outcome[] = [];
    const started = performance.now();
    for (const query of fuzzQueries(seed, count, vocabulary)) {
      const q0 = performance.now();
      let kind: Outcome['kind'];
      let detail = '';
      try {
        const r = await lib.search({ query, limit });
        kind = r.capped && r.capped.length > 0 ? 'capped' : 'answered';
        detail = `${r.total} hits`;
      } catch (e) {
        if (isArchiveError(e) && e.code === 'BAD_QUERY') {
          kind = 'refused';
          detail = reasonOf(e.message);
        } else {
          kind = 'failed';
          detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
        }
      }
      outcomes.push({ query, ms: performance.now() - q0, kind, detail });
      if (outcomes.length % 2000 === 0) process.stderr.write(`[fuzz] ${outcomes.length}\n`);
    }
    const elapsed = (performance.now() - started) / 1000;
    await lib.close();
    const failed = outcomes.filter((o) => o.kind === 'failed');
    process.stdout.write(
      report(outcomes, { count, seed, articles: summary.imported.length, elapsed }),
    );
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function report(
  outcomes: Outcome[],
  run: { count: number; seed: number; articles: number; elapsed: number },
): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  const lines = [
    `# Search fuzz: ${n(run.count)} queries (seed ${run.seed}) over ${n(run.articles)} articles, ` +
      `${run.elapsed.toFixed(1)} s`,
    '',
    '| outcome | queries |',
    '| --- | --- |',
  ];
  for (const kind of ['answered', 'capped', 'refused', 'failed'] as const) {
    const label =
      kind === 'capped'
        ? 'answered, a word capped'
        : kind === 'refused'
          ? 'refused (BAD_QUERY)'
          : kind === 'failed'
            ? 'failed (any other error)'
            : 'answered';
    lines.push(`| ${label} | ${n(outcomes.filter((o) => o.kind === kind).length)} |`);
  }
  const reasons = new Map<string, number>();
  for (const o of outcomes) {
    if (o.kind === 'refused') reasons.set(o.detail, (reasons.get(o.detail) ?? 0) + 1);
  }
  lines.push('', 'Refusals by reason:', '');
  for (const [reason, k] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    lines.push(`- ${n(k)} × ${reason}`);
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  lines.push(
    '',
    `Latency: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(1)} ms, max ${percentile(times, 100).toFixed(0)} ms`,
    '',
    'Slowest queries:',
    '',
  );
  for (const o of [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    lines.push(`- ${o.ms.toFixed(0)} ms, ${o.kind} (${o.detail}): ${printable(o.query)}`);
  }
  const failed = outcomes.filter((o) => o.kind === 'failed');
  if (failed.length > 0) {
    lines.push('', `Failures (${n(failed.length)}):`, '');
    for (const o of failed.slice(0, 10)) {
      lines.push(`- ${printable(o.query)}`, `  ${o.detail.split('\n').slice(0, 4).join('\n  ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

main().catch((e: unknown) => {
  process.stderr.write(`fuzz failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
