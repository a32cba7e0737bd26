// CPU per article of the import's per-article stages, each alone on one thread, over the
// shared corpora: parse (decode-free: clean, detect, count, date, excerpt), the near-duplicate
// signature, the index analysis of the parsed article, and the tagging rules' judge (20 rules) on the text
// and on the index analysis (as an import's index build judges).
// Run by hand: npx tsx tests/scripts/stage-cpu.ts [--rounds 3] [--limit 10000]
// Each stage runs `rounds` times over the same texts; the first round warms the memos and the
// JIT as an import's first thousand articles do, and the figure is the median of the others.
import { parseArgs } from 'node:util';
import { parseArticle } from '../../main/core/text/parse-article';
import { nearSignature } from '../../main/core/text/near-signature';
import { analyzeDoc } from '../../main/core/search/analysis/analyzer';
import { compileQueries, QueryJudge } from '../../main/core/search/query/query-judge';
import type { IndexDoc } from '../../main/core/search/types';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import { buildQueries } from '../bench/queries';
import {
  bbcDir,
  hasShared,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    limit: { type: 'string', default: '10000' },
  },
});
const rounds = Math.max(2, Number(values.rounds));
const limit = Number(values.limit);

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Microseconds of CPU per item, median over the rounds after the first. */
function perItem<T>(items: readonly T[], run: (item: T, i: number) => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    items.forEach(run);
    if (r > 0) times.push(((cpuMs() - t0) * 1000) / items.length);
  }
  return median(times);
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stdout.write(`${sharedSkipReason}\n`);
    return;
  }
  const corpora = [
    { name: 'Reuters', texts: (await reutersDocs(reutersJsonl, limit)).map((d) => d.text) },
    { name: 'BBC', texts: (await bbcDocs(bbcDir)).slice(0, limit).map((d) => d.text) },
    { name: 'SaudiNewsNet', texts: (await saudiDocs(saudiJsonl, limit)).map((d) => d.text) },
  ];
  process.stdout.write(
    '| corpus | articles | parse µs | signature µs | analysis µs | judge (20 rules) µs | judge on the analysis µs |\n',
  );
  process.stdout.write('| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n');
  for (const { name, texts } of corpora) {
    const parsed = texts.map((t) => parseArticle(t));
    const docs: IndexDoc[] = parsed.map((p, i) => ({
      id: String(i),
      rev: 1,
      title: p.title,
      body: p.body,
      place: p.place,
      tags: [],
      language: p.language,
    }));
    // Rules as the bench makes them: topical searches from the corpus's own query set.
    const queries = buildQueries(texts.map((text, i) => ({ name: String(i), text })));
    const kinds = ['common', 'rare', 'two', 'three', 'phrase'];
    const byKind = kinds.map((k) => queries.filter((q) => q.kind === k));
    const rules: string[] = [];
    for (let i = 0; rules.length < 20 && byKind.some((l) => i < l.length); i++) {
      for (const l of byKind) if (i < l.length && rules.length < 20) rules.push(l[i]!.engine);
    }
    const judge = new QueryJudge(compileQueries(rules), new Set(parsed.map((p) => p.language)));
    const record = { trashedAt: null, collection: null, articleDate: null };
    const analysed = docs.map(analyzeDoc);
    const row = [
      perItem(texts, (t) => parseArticle(t)),
      perItem(parsed, (p) => nearSignature(p.body)),
      perItem(docs, (d) => analyzeDoc(d)),
      perItem(docs, (d) => judge.judge({ ...record, language: d.language }, d)),
      perItem(analysed, (a, i) => judge.judge({ ...record, language: docs[i]!.language }, a)),
    ];
    process.stdout.write(
      `| ${name} | ${texts.length.toLocaleString('en')} | ${row.map((x) => x.toFixed(1)).join(' | ')} |\n`,
    );
  }
}

void main();
