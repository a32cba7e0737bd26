// Child process measuring tagging rules inside the import: the same corpus imported into
// fresh libraries without rules and with N rules (queries from the bench's query set, so they
// fit any corpus), alternately (without, with, with, without), in this one process, so the
// ratio compares runs on the same machine state.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Library } from '../../../main/core/library';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import type { BenchQuery } from '../queries';
import { now, writeResult } from './measure';

interface Config {
  corpusDir: string;
  workDir: string;
  queriesFile: string;
  resultFile: string;
  rules: string;
}

const workerOptions = {
  workerScript: sourceWorkerScript(resolve(__dirname, '..', '..', '..'), 'index-worker'),
  workerExecArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
};

// Rules are topical searches: words, pairs, phrases; not prefixes, fuzzy words or tag filters.
const RULE_KINDS: readonly BenchQuery['kind'][] = ['common', 'rare', 'two', 'three', 'phrase'];

/** Imports the corpus into a fresh library holding `rules`; ms and articles the rules tagged. */
async function importOnce(
  config: Config,
  rules: BenchQuery[],
): Promise<{ ms: number; tagged: number }> {
  const dir = await mkdtemp(join(config.workDir, 'rules-lib-'));
  const lib = await Library.open(dir, workerOptions);
  try {
    for (const [i, q] of rules.entries())
      await lib.putTagRule({ tag: `rule-${i}`, query: q.engine });
    const t0 = now();
    await lib.importSources([{ path: config.corpusDir }]);
    const ms = now() - t0;
    let tagged = 0;
    for (const t of await lib.listTags()) if (t.name.startsWith('rule-')) tagged += t.count;
    return { ms, tagged };
  } finally {
    await lib.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function compare(config: Config): Promise<void> {
  const count = Number(config.rules);
  const queries = JSON.parse(readFileSync(config.queriesFile, 'utf8')) as BenchQuery[];
  // Taken in turn from each kind, as a person's rules would mix broad and narrow searches.
  const byKind = RULE_KINDS.map((kind) => queries.filter((q) => q.kind === kind));
  const rules: BenchQuery[] = [];
  for (let i = 0; rules.length < count && byKind.some((list) => i < list.length); i++) {
    for (const list of byKind) if (i < list.length && rules.length < count) rules.push(list[i]!);
  }
  const without: number[] = [];
  const withRules: number[] = [];
  let tagged = 0;
  for (const useRules of [false, true, true, false]) {
    const run = await importOnce(config, useRules ? rules : []);
    (useRules ? withRules : without).push(run.ms);
    if (useRules) tagged = run.tagged;
    process.stderr.write(
      `[bench] rules ${useRules ? count : 0}: import ${Math.round(run.ms)} ms\n`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  writeResult(config.resultFile, {
    rules: rules.length,
    queries: rules.map((q) => q.engine),
    withoutMs: without,
    withMs: withRules,
    ratio: mean(withRules) / mean(without),
    tagsAdded: tagged,
  });
}

const [mode, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson ?? '{}') as Config;
if (mode !== 'compare') throw new Error(`unknown rules bench mode '${mode}'`);
compare(config).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`rules bench child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
