// The compact postings: read out of Lunr faithfully, merged without re-analysis, stored and
// read back byte-exact, and expanded exactly: prefixes as Lunr's token set would, fuzzy words
// as the optimal string alignment distance (the highlighter's editDistance) says.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { analyzeDoc, FIELDS } from '../../../main/core/search/analysis/analyzer';
import {
  buildSegmentData,
  mergeSegmentData,
} from '../../../main/core/search/segments/build-segment';
import {
  buildLunrIndex,
  buildLunrWeights,
  idf,
} from '../../../main/core/search/segments/lunr-segment';
import { postingsFromLunr } from '../../../main/core/search/segments/postings';
import { PostingIndex } from '../../../main/core/search/segments/posting-index';
import { editDistance } from '../../../main/core/search/analysis/term-match';
import {
  decodePostings,
  encodePostings,
  postingsParts,
} from '../../../main/core/search/segments/postings-codec';
import { blocksFileOf, parseBlocks } from '../../../main/core/search/storage/postings-blocks';
import { sha256, writeSegmentFiles } from '../../../main/core/search/storage/persistence';
import { doc } from './helpers';
import { scratchDirs } from './scratch-dirs';

const texts = [
  'Nuclear talks resume in Vienna',
  'Football season opens with a derby',
  'Talks on nuclear energy and footballers',
  'The economy grows; economists cheer',
  'Café owners and cafes in Paris',
];
const scratch = scratchDirs();
const docs = texts.map((t, i) => doc(`d${i}`, { title: t.split(' ')[0]!, body: t }));

/** Every (id, field, term) → weight Lunr itself computed, with its local idf taken out. */
function lunrWeights(index: lunr.Index, n: number): Map<string, number> {
  const inner = index as unknown as {
    invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
    fieldVectors: Record<string, { elements: number[] }>;
  };
  const out = new Map<string, number>();
  for (const [term, posting] of Object.entries(inner.invertedIndex)) {
    let df = 0;
    for (const f of FIELDS) df += Object.keys(posting[f] ?? {}).length;
    for (const f of FIELDS) {
      for (const id of Object.keys(posting[f] ?? {})) {
        const el = inner.fieldVectors[`${f}/${id}`]!.elements;
        let w = 0;
        for (let k = 0; k < el.length; k += 2) if (el[k] === posting._index) w = el[k + 1]!;
        out.set(`${id}|${f}|${term}`, w / idf(df, n));
      }
    }
  }
  return out;
}

function postingWeights(
  p: ReturnType<typeof buildSegmentData>,
  index = new PostingIndex(p.postings),
): Map<string, number> {
  const out = new Map<string, number>();
  for (const term of p.postings.terms) {
    for (const f of FIELDS) {
      index.forEachPosting(term, [f], (pos, w) => out.set(`${p.docs.ids[pos]}|${f}|${term}`, w));
    }
  }
  return out;
}

describe('compact postings', () => {
  it('hold exactly the weights Lunr computed, without the local idf', () => {
    const built = buildSegmentData(docs);
    const reference = lunrWeights(buildLunrIndex(docs.map(analyzeDoc)), docs.length);
    const mine = postingWeights(built);
    expect(mine.size).toBe(reference.size);
    for (const [k, w] of reference) expect(mine.get(k)).toBeCloseTo(w, 5);
    expect(built.postings.terms).toEqual([...built.postings.terms].sort());
  });

  it('are the same, bit for bit, when the tags field is built by a builder of its own', () => {
    // Tags sharing words with titles, bodies and places (their idf counts every field), tags
    // alone, repeated tags, untagged articles, and a place only some articles have.
    const tagged = [
      doc('t0', {
        title: 'Oil talks',
        body: 'Oil prices and nuclear talks',
        tags: ['oil', 'energy'],
      }),
      doc('t1', { title: 'Derby day', body: 'Football derby in Vienna', place: 'Vienna' }),
      doc('t2', { body: 'Energy policy talks', tags: ['Energy', 'policy review', 'oil'] }),
      doc('t3', { title: 'Cafés', body: 'Paris cafés', tags: ['rule-1'] }),
      doc('t4', { title: 'Nothing tagged', body: 'The economy grows' }),
      doc('t5', { body: 'vienna vienna', tags: ['Vienna', 'vienna talks'], place: 'Vienna' }),
    ];
    for (const docs of [tagged, tagged.slice(1, 4), [tagged[2]!]]) {
      const analysed = docs.map(analyzeDoc);
      const split = postingsFromLunr(buildLunrWeights(analysed), analysed);
      const single = postingsFromLunr(buildLunrWeights(analysed, false), analysed);
      expect(split.terms).toEqual(single.terms);
      expect([...split.offsets]).toEqual([...single.offsets]);
      expect([...split.docs]).toEqual([...single.docs]);
      expect([...split.weights]).toEqual([...single.weights]);
      expect(split.terms.some((t) => t.startsWith('\u0001'))).toBe(true);
    }
    // And both are what Lunr itself computes over all the fields at once.
    const built = buildSegmentData(tagged);
    const reference = lunrWeights(buildLunrIndex(tagged.map(analyzeDoc)), tagged.length);
    const mine = postingWeights(built);
    expect(mine.size).toBe(reference.size);
    for (const [k, w] of reference) expect(mine.get(k)).toBeCloseTo(w, 5);
  });

  it('merge keeps only the kept documents and drops terms left without postings', () => {
    const a = buildSegmentData(docs.slice(0, 3));
    const b = buildSegmentData(docs.slice(3));
    const merged = mergeSegmentData([
      { ...a, keep: Uint8Array.from([1, 0, 1]) },
      { ...b, keep: Uint8Array.from([1, 1]) },
    ]);
    expect(merged.docs.ids).toEqual(['d0', 'd2', 'd3', 'd4']);
    const index = new PostingIndex(merged.postings);
    // "derby" only occurred in the dropped d1.
    expect(index.has('derbi') || index.has('derby')).toBe(false);
    // Lunr counts postings per field: d0's title and body, d2's body.
    expect(index.docsWithTerm('nuclear')).toBe(3);
    const expected = new Map([...postingWeights(a), ...postingWeights(b)]);
    const got = postingWeights(merged, index);
    for (const [k, w] of got) expect(w).toBeCloseTo(expected.get(k)!, 6);
    expect([...got.keys()].some((k) => k.startsWith('d1|'))).toBe(false);
  });

  it('round-trip through the file format, and a damaged file is refused', () => {
    const built = buildSegmentData(docs);
    const bytes = encodePostings(built.postings);
    const back = decodePostings(bytes);
    expect(back.terms).toEqual(built.postings.terms);
    expect([...back.offsets]).toEqual([...built.postings.offsets]);
    expect([...back.docs]).toEqual([...built.postings.docs]);
    expect([...back.weights]).toEqual([...built.postings.weights]);
    expect([...back.posOffsets]).toEqual([...built.postings.posOffsets]);
    expect([...back.positions]).toEqual([...built.postings.positions]);
    expect(back.positions.length).toBeGreaterThan(0);
    expect(() => decodePostings(bytes.subarray(0, bytes.length - 4))).toThrow(/wrong size/);
    const bad = Buffer.from(bytes);
    bad.writeUInt32LE(0, 0);
    expect(() => decodePostings(bad)).toThrow(/not a postings file/);
  });

  it('saves a segment from its own arrays, in parts, as the bytes encodePostings makes', async () => {
    // Merged postings are views on larger shared buffers: the parts must be those views only.
    const a = buildSegmentData(docs.slice(0, 3));
    const b = buildSegmentData(docs.slice(3));
    const merged = mergeSegmentData([
      { docs: a.docs, postings: a.postings, keep: new Uint8Array([1, 0, 1]) },
      { docs: b.docs, postings: b.postings, keep: new Uint8Array([1, 1]) },
    ]);
    const dir = await scratch();
    const entry = await writeSegmentFiles(dir, 7, merged.docs, postingsParts(merged.postings));
    const file = await readFile(join(dir, entry.indexFile));
    expect(file.equals(encodePostings(merged.postings))).toBe(true);
    expect(entry.indexSha256).toBe(sha256(file));
    const blocks = await readFile(join(dir, blocksFileOf(entry.indexFile)));
    expect(parseBlocks(blocks, entry.indexSha256, file.length)).not.toBeNull();
    expect(decodePostings(file).terms).toEqual(merged.postings.terms);
  });

  it('decodes in place for the thread that keeps the postings, else into shared memory', () => {
    const built = buildSegmentData(docs);
    const bytes = encodePostings(built.postings);
    // A file as read from disk: its own aligned buffer.
    const file = new Uint8Array(new ArrayBuffer(bytes.length));
    file.set(bytes);
    const kept = decodePostings(file, false);
    const handed = decodePostings(file, true);
    // Unaligned bytes cannot be viewed as 32-bit words: copied as for a worker.
    const odd = new Uint8Array(new ArrayBuffer(bytes.length + 1)).subarray(1);
    odd.set(bytes);
    const unaligned = decodePostings(odd, false);
    for (const back of [kept, handed, unaligned]) {
      expect(back.terms).toEqual(built.postings.terms);
      expect([...back.offsets]).toEqual([...built.postings.offsets]);
      expect([...back.docs]).toEqual([...built.postings.docs]);
      expect([...back.weights]).toEqual([...built.postings.weights]);
      expect([...back.posOffsets]).toEqual([...built.postings.posOffsets]);
      expect([...back.positions]).toEqual([...built.postings.positions]);
    }
    for (const a of [kept.offsets, kept.docs, kept.weights, kept.posOffsets, kept.positions]) {
      expect(a.buffer).toBe(file.buffer);
    }
    for (const a of [handed.docs, handed.weights, handed.positions, unaligned.docs]) {
      expect(a.buffer).not.toBe(file.buffer);
    }
    expect(handed.docs.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(handed.positions.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('expands prefixes like Lunr’s token set does, fuzzy words by edit distance', () => {
    const words = (
      'nuclear nucleus nuclei new news newt knew football footballer footbal foot ' +
      'feet fast fist economy economist econ ecology cafe cafes caf kafe talk talks tall'
    ).split(' ');
    const built = buildSegmentData([doc('x', { body: words.join(' '), language: 'xx' })]);
    const index = new PostingIndex(built.postings);
    const TS = lunr.TokenSet as unknown as {
      fromArray(terms: string[]): lunr.TokenSet;
      fromString(s: string): lunr.TokenSet;
    };
    const tokenSet = TS.fromArray(built.postings.terms);
    const viaLunr = (set: lunr.TokenSet) => tokenSet.intersect(set).toArray().sort();
    for (const prefix of ['nuc', 'foot', 'ec', 'zz']) {
      expect(index.expandPrefix(prefix).sort()).toEqual(viaLunr(TS.fromString(`${prefix}*`)));
    }
    const within = (word: string, d: number) =>
      built.postings.terms.filter((t) => editDistance(t, word, d) <= d).sort();
    for (const [word, d] of [
      ['footbal', 1],
      ['nuclear', 2],
      ['nuclaer', 1],
      ['cafe', 1],
      ['talk', 1],
      ['new', 2],
      ['qqqq', 1],
    ] as const) {
      expect(index.expandFuzzy(word, d).sort(), `${word}~${d}`).toEqual(within(word, d));
    }
    expect(index.expandFuzzy('footbal', 1)).toContain('football');
    expect(index.expandFuzzy('nuclaer', 1)).toEqual(['nuclear']);
  });

  it('expands fuzzy words exactly over a large vocabulary (skips, memoised walks)', () => {
    let seed = 11;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 0) % k;
    const letters = 'abcdeék';
    const vocab = Array.from({ length: 4000 }, () =>
      Array.from({ length: 2 + rnd(8) }, () => letters[rnd(letters.length)]).join(''),
    );
    const built = buildSegmentData([doc('x', { body: vocab.join(' '), language: 'xx' })]);
    const index = new PostingIndex(built.postings);
    const terms = built.postings.terms;
    let nonEmpty = 0;
    for (let q = 0; q < 60; q++) {
      const word = q % 2 ? vocab[rnd(vocab.length)]! : vocab[rnd(vocab.length)]!.slice(1);
      const d = 1 + (q % 2);
      const want = terms.filter((t) => editDistance(t, word, d) <= d).sort();
      expect(index.expandFuzzy(word, d).slice().sort(), `${word}~${d}`).toEqual(want);
      // Asked again (memoised) and by another reader of the same postings: the same answer.
      expect(index.expandFuzzy(word, d).slice().sort()).toEqual(want);
      expect(new PostingIndex(built.postings).expandFuzzy(word, d).slice().sort()).toEqual(want);
      const { distances } = index.fuzzyTerms(word, d);
      expect(distances.every((x) => x <= d)).toBe(true);
      if (want.length > 1) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('walks a fuzzy word of any length in bounded work, and stops at a row limit', () => {
    const vocab = Array.from({ length: 3000 }, (_, i) => `ab${i.toString(36)}ab`);
    const built = buildSegmentData([doc('x', { body: vocab.join(' '), language: 'xx' })]);
    const index = new PostingIndex(built.postings);
    // Lunr's automaton for this word took 53 s and 4 GB before the heap gave out.
    const long = 'ab'.repeat(160);
    const t0 = performance.now();
    const r = index.fuzzyTerms(long, 2);
    expect(r.complete).toBe(true);
    expect(r.terms).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
    // Rows are a band of 2d + 1 cells: the work does not grow with the word's length.
    expect(r.rows).toBeLessThan(built.postings.terms.length * 12);
    const cut = new PostingIndex(built.postings).fuzzyTerms('abab', 2, 50);
    expect(cut.complete).toBe(false);
    expect(cut.rows).toBeLessThan(50 + 20);
  });
});
