// Script-first language detection against the old detector (franc-min's franc()), for
// docs/benchmarks.md: per corpus, the share of identical answers, the kinds of disagreement,
// and the CPU µs per article of detection alone, old and new, measured in alternating passes
// over the same texts (the texts the import detects on: title and clean body).
// Usage: npx tsx tests/scripts/language-agreement.ts [N per corpus, default all] [passes=5]
import { decodeWithEncoding } from '../../main/core/text/decode';
import { detectLanguage } from '../../main/core/text/language';
import { cleanArticle, parseArticle } from '../../main/core/text/parse-article';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import {
  bbcDir,
  hasShared,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';
import { CHECK_SET } from '../unit/core/language/check-set';
import { detectLanguageWithFranc } from '../unit/core/language/franc-detector';

type Detect = (text: string) => string;

/** CPU µs per text of one pass of `detect` over all texts. */
function cpuPass(detect: Detect, texts: readonly string[]): number {
  const start = process.cpuUsage();
  let sink = 0;
  for (const t of texts) sink += detect(t).length;
  const used = process.cpuUsage(start);
  if (sink < 0) console.log(sink);
  return (used.user + used.system) / texts.length;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median CPU µs per article of the whole parse (clean, detect, count, date, excerpt). */
function parseCost(raws: readonly string[], passes: number): number {
  const parse = (raw: string): string => parseArticle(raw).language;
  cpuPass(parse, raws);
  return median(Array.from({ length: passes }, () => cpuPass(parse, raws)));
}

function compare(name: string, texts: readonly string[], passes: number): void {
  const kinds = new Map<string, number>();
  let same = 0;
  for (const t of texts) {
    const before = detectLanguageWithFranc(t);
    const after = detectLanguage(t);
    if (before === after) same += 1;
    else kinds.set(`${before}→${after}`, (kinds.get(`${before}→${after}`) ?? 0) + 1);
  }
  // Warm both (JIT, the code point table, the trigram tables), then alternate passes.
  cpuPass(detectLanguageWithFranc, texts);
  cpuPass(detectLanguage, texts);
  const old: number[] = [];
  const now: number[] = [];
  for (let p = 0; p < passes; p++) {
    old.push(cpuPass(detectLanguageWithFranc, texts));
    now.push(cpuPass(detectLanguage, texts));
  }
  const o = median(old);
  const n = median(now);
  const diff = [...kinds].map(([k, c]) => `${k} ×${c}`).join(', ') || 'none';
  console.log(
    `| ${name} | ${texts.length} | ${((100 * same) / texts.length).toFixed(2)}% | ${diff} | ` +
      `${o.toFixed(0)} | ${n.toFixed(0)} | ${(o / n).toFixed(1)}× |`,
  );
  if (texts.length >= 100)
    console.log(
      `  passes old µs: ${old.map((v) => v.toFixed(0)).join(' ')}; new µs: ${now.map((v) => v.toFixed(0)).join(' ')}`,
    );
}

function detectText(raw: string): string {
  const clean = cleanArticle(raw);
  return `${clean.title}\n${clean.body}`;
}

async function main(): Promise<void> {
  const n = process.argv[2] ? Number(process.argv[2]) : Infinity;
  const passes = Number(process.argv[3] ?? 5);
  console.log(
    '| corpus | texts | identical | disagreements (old→new) | old µs | new µs | speed-up |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  compare(
    'check set (own sentences)',
    CHECK_SET.map((c) => c.text),
    passes * 20,
  );
  if (!hasShared) {
    console.log(sharedSkipReason);
    return;
  }
  const bbc = (await bbcDocs(bbcDir))
    .slice(0, n)
    .map((d) => (d.bytes ? decodeWithEncoding(d.bytes, 'utf-8') : d.text));
  const reuters = (await reutersDocs(reutersJsonl, n)).map((d) => d.text);
  const saudi = (await saudiDocs(saudiJsonl, n)).map((d) => d.text);
  const corpora: [string, string[]][] = [
    ['BBC', bbc],
    ['Reuters-21578', reuters],
    ['SaudiNewsNet', saudi],
  ];
  for (const [name, raws] of corpora) compare(name, raws.map(detectText), passes);
  console.log('\nWhole parseArticle (new detector), CPU µs per article:');
  for (const [name, raws] of corpora) {
    console.log(`  ${name}: ${parseCost(raws.slice(0, 5000), passes).toFixed(0)}`);
  }
}

void main();
