// The fixed mixed query set, derived from the corpus itself so it fits any size and
// language mix: common and rare words, two and three terms, phrases, prefixes, fuzzy
// terms, a title field and a tag filter. Plain Lunr gets the nearest query it can run.
import { pick, seededRng, type Rng } from './corpus/prng';
import type { BenchDoc } from './corpus/vary';

export interface BenchQuery {
  kind: 'common' | 'rare' | 'two' | 'three' | 'phrase' | 'prefix' | 'fuzzy' | 'field' | 'tag';
  /** The query for the engine (its syntax: Lunr plus "phrases" and tag:name). */
  engine: string;
  /** The closest plain-Lunr query (phrases become required terms, tag filters drop). */
  lunr: string;
}

/** Tags the engine benchmark puts on every TAG_EVERY-th article, for tag-filter queries. */
export const BENCH_TAGS = ['bench-red', 'bench-green', 'bench-blue'];
export const TAG_EVERY = 7;

const SAMPLE_DOCS = 4000;
const WORD = /\p{L}{4,}/gu;

/** At least 200 queries fixed by the documents and the seed. */
export function buildQueries(docs: readonly BenchDoc[], seed = 7): BenchQuery[] {
  const rng = seededRng(seed);
  const sample = sampleDocs(docs, SAMPLE_DOCS);
  const df = new Map<string, number>();
  for (const d of sample) {
    for (const w of new Set(words(d.text))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const byDf = [...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Skip the very top (stop-word-like) and keep a broad band of common words.
  const common = byDf.slice(30, 630).map(([w]) => w);
  const rare = byDf.filter(([, n]) => n >= 2 && n <= 4).map(([w]) => w);
  if (common.length < 20 || rare.length < 20) throw new Error('corpus too small for the query set');
  const any = (list: string[]): string => list[pick(rng, list.length)]!;
  const out: BenchQuery[] = [];
  const add = (kind: BenchQuery['kind'], engine: string, lunr: string): void => {
    out.push({ kind, engine, lunr });
  };
  for (let i = 0; i < 35; i++) add('common', any(common), '');
  for (let i = 0; i < 35; i++) add('rare', any(rare), '');
  for (let i = 0; i < 30; i++) add('two', `${any(common)} ${any(common)}`, '');
  for (let i = 0; i < 25; i++) add('three', `${any(common)} ${any(common)} ${any(rare)}`, '');
  for (let i = 0; i < 25; i++) {
    const [a, b] = adjacentPair(sample, rng);
    add('phrase', `"${a} ${b}"`, `+${a} +${b}`);
  }
  for (let i = 0; i < 15; i++) add('prefix', `${[...any(common)].slice(0, 4).join('')}*`, '');
  for (let i = 0; i < 15; i++) add('fuzzy', `${any(common)}~1`, '');
  for (let i = 0; i < 15; i++) {
    const w = titleWord(sample, rng);
    add('field', `title:${w}`, `title:${w}`);
  }
  for (let i = 0; i < 15; i++) {
    const w = any(common);
    add('tag', `tag:${BENCH_TAGS[i % BENCH_TAGS.length]} ${w}`, w);
  }
  return out.map((q) => (q.lunr ? q : { ...q, lunr: q.engine }));
}

/** Lower-cased words of four letters or more, in any script. */
function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

function sampleDocs(docs: readonly BenchDoc[], n: number): BenchDoc[] {
  if (docs.length <= n) return docs.slice();
  const step = docs.length / n;
  return Array.from({ length: n }, (_, i) => docs[Math.floor(i * step)]!);
}

function adjacentPair(sample: readonly BenchDoc[], rng: Rng): [string, string] {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const doc = sample[pick(rng, sample.length)]!;
    const tokens = doc.text.toLowerCase().split(/\s+/);
    const i = pick(rng, Math.max(1, tokens.length - 1));
    const a = tokens[i]?.match(/^\p{L}{4,}$/u)?.[0];
    const b = tokens[i + 1]?.match(/^\p{L}{4,}$/u)?.[0];
    if (a && b) return [a, b];
  }
  throw new Error('no two adjacent words found for phrase queries');
}

function titleWord(sample: readonly BenchDoc[], rng: Rng): string {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const doc = sample[pick(rng, sample.length)]!;
    const title = doc.text.split('\n', 1)[0] ?? '';
    const ws = words(title);
    if (ws.length > 0) return ws[pick(rng, ws.length)]!;
  }
  throw new Error('no title words found for field queries');
}

/** A query built to be costly, with what it stands for. */
export interface AdversarialQuery {
  label: string;
  query: string;
}

/**
 * Costly and hostile queries from the same corpus words: the kinds that once ran away (a
 * 320-letter fuzzy word took 53 s and 4 GB), at the parser's limits (32 parts, 1,000
 * characters). Each must answer or be refused within 1 s.
 */
export function adversarialQueries(queries: readonly BenchQuery[]): AdversarialQuery[] {
  const of = (kind: BenchQuery['kind']) =>
    queries.filter((q) => q.kind === kind).map((q) => q.engine);
  const common = of('common');
  const pairs = of('phrase');
  const cycle = (list: string[], n: number): string[] =>
    Array.from({ length: n }, (_, i) => list[i % list.length]!);
  const upTo = (text: string, max = 1000): string => text.slice(0, max);
  const rng = seededRng(11);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const randomWord = (n: number): string =>
    Array.from({ length: n }, () => letters[pick(rng, letters.length)]).join('');
  return [
    { label: '320-letter fuzzy word', query: `${'ab'.repeat(160)}~2` },
    { label: 'one-letter prefix', query: 'a*' },
    { label: '1,000-letter word', query: 'e'.repeat(1000) },
    {
      label: '32 fuzzy common words',
      query: cycle(common, 32)
        .map((w) => `${w}~2`)
        .join(' '),
    },
    {
      label: '30 random 29-letter fuzzy words',
      query: Array.from({ length: 30 }, () => `${randomWord(29)}~2`).join(' '),
    },
    {
      label: '32 two-letter prefixes',
      query: cycle(common, 32)
        .map((w) => `${[...w].slice(0, 2).join('')}*`)
        .join(' '),
    },
    { label: '32 common words', query: cycle(common, 32).join(' ') },
    { label: '32 common words joined by OR', query: cycle(common, 32).join(' OR ') },
    {
      label: '32 required common words',
      query: cycle(common, 32)
        .map((w) => `+${w}`)
        .join(' '),
    },
    {
      label: 'phrase of 1,000 characters',
      query: `"${upTo(cycle(common, 200).join(' '), 990).replace(/\s\S*$/u, '')}"`,
    },
    {
      label: '32 phrases',
      query: upTo(cycle(pairs, 32).join(' '), 1000).replace(/\s+"[^"]*$/u, ''),
    },
    {
      label: 'exclusions only',
      query: cycle(common, 4)
        .map((w) => `-${w}`)
        .join(' '),
    },
    {
      label: 'mixed operators',
      query: cycle(common, 8)
        .map((w, i) => ['+', '-', '', 'title:'][i % 4] + w + ['~2', '*', '^3', ''][(i >> 2) % 4])
        .join(' '),
    },
  ];
}

/** Runs each adversarial query once; the slowest, and how many answered or were refused. */
export async function timeAdversarial(
  list: readonly AdversarialQuery[],
  run: (query: string) => Promise<unknown>,
): Promise<{ maxMs: number; slowest: string; answered: number; refused: number; failed: number }> {
  let maxMs = 0;
  let slowest = '';
  let answered = 0;
  let refused = 0;
  let failed = 0;
  for (const q of list) {
    const t0 = performance.now();
    try {
      await run(q.query);
      answered++;
    } catch (e) {
      // A refusal is a BAD_QUERY (QueryError); anything else is a failure.
      if ((e as { code?: unknown }).code === 'BAD_QUERY') refused++;
      else failed++;
    }
    const ms = performance.now() - t0;
    if (ms > maxMs) {
      maxMs = ms;
      slowest = q.label;
    }
  }
  return { maxMs, slowest, answered, refused, failed };
}
