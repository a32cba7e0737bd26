// Child process measuring tagging rules inside the import: the same corpus imported into
// fresh libraries without rules and with N rules (queries from the bench's query set, so they
// fit any corpus), in this one process, so the ratio compares runs on the same machine state.
// One import with the rules comes first and is not counted: it warms what a long-running app
// has warm after its first import (the JIT, the word memos). Then `rounds` pairs, the order
// within a pair alternating, and the ratio of each pair: the median pair ratio is the figure,
// as a pair's two runs share the machine's state far better than runs minutes apart.
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
  rounds: string;
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
): Promise<{ ms: number; cpuMs: number; tagged: number }> {
  const dir = await mkdtemp(join(config.workDir, 'rules-lib-'));
  const lib = await Library.open(dir, workerOptions);
  try {
    for (const [i, q] of rules.entries())
      await lib.putTagRule({ tag: `rule-${i}`, query: q.engine });
    const t0 = now();
    const cpu0 = process.cpuUsage();
    await lib.importSources([{ path: config.corpusDir }]);
    const ms = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    let tagged = 0;
    for (const t of await lib.listTags()) if (t.name.startsWith('rule-')) tagged += t.count;
    return { ms, cpuMs, tagged };
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
  const rounds = Number(config.rounds);
  const warm = await importOnce(config, rules);
  process.stderr.write(`[bench] rules ${count}: warm-up import ${Math.round(warm.ms)} ms\n`);
  const without: number[] = [];
  const withRules: number[] = [];
  const cpuWithout: number[] = [];
  const cpuWith: number[] = [];
  let tagged = 0;
  for (let r = 0; r < rounds; r++) {
    for (const useRules of r % 2 === 0 ? [false, true] : [true, false]) {
      const run = await importOnce(config, useRules ? rules : []);
      (useRules ? withRules : without).push(run.ms);
      (useRules ? cpuWith : cpuWithout).push(run.cpuMs);
      if (useRules) tagged = run.tagged;
      process.stderr.write(
        `[bench] rules ${useRules ? count : 0}: import ${Math.round(run.ms)} ms, ` +
          `CPU ${Math.round(run.cpuMs)} ms\n`,
      );
    }
  }
  const median = (xs: number[]) => {
    const s = xs.slice().sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const pairRatios = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);
  writeResult(config.resultFile, {
    rules: rules.length,
    queries: rules.map((q) => q.engine),
    withoutMs: without,
    withMs: withRules,
    ratio: median(pairRatios(withRules, without)),
    meanRatio: withRules.reduce((a, b) => a + b, 0) / without.reduce((a, b) => a + b, 0),
    cpuRatio: median(pairRatios(cpuWith, cpuWithout)),
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
