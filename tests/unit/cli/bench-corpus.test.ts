// The benchmark's corpus generator and query set: deterministic, and variants differ.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planCorpus } from '../../bench/corpus/plan';
import { seededRng, shuffled } from '../../bench/corpus/prng';
import { reutersDocs } from '../../bench/corpus/sources';
import { splitArticle, varyText, type BenchDoc } from '../../bench/corpus/vary';
import { buildQueries } from '../../bench/queries';
import { hasShared, reutersJsonl, sharedSkipReason } from '../../support/shared-data';

const words = ['harbour', 'copper', 'lantern', 'meadow', 'violin', 'glacier', 'orchard', 'summit'];
const fakeBase = (n: number): BenchDoc[] =>
  Array.from({ length: n }, (_, i) => {
    const rng = seededRng(i + 1);
    const sentence = () =>
      Array.from({ length: 8 }, () => words[Math.floor(rng() * words.length)]).join(' ') + '.';
    const para = () => `${sentence()} ${sentence()} ${sentence()}`;
    return {
      name: `base/${i}.txt`,
      text: `Title ${i} ${words[i % 8]}\n\n${para()}\n\n${para()}\n\n${para()}\n`,
    };
  });
const digest = (docs: BenchDoc[]) =>
  createHash('sha256')
    .update(docs.map((d) => `${d.name}\0${d.text}`).join('\0'))
    .digest('hex');

describe('bench corpus generator', () => {
  it('is deterministic: the same seed gives the same corpus', () => {
    const base = fakeBase(30);
    expect(digest(planCorpus(base, 100, 42))).toBe(digest(planCorpus(base, 100, 42)));
    expect(digest(planCorpus(base, 100, 42))).not.toBe(digest(planCorpus(base, 100, 43)));
  });

  it('samples without variants when the base is large enough', () => {
    const base = fakeBase(30);
    const docs = planCorpus(base, 10);
    expect(docs).toHaveLength(10);
    expect(new Set(docs.map((d) => d.name)).size).toBe(10);
    for (const d of docs) expect(base).toContainEqual(d);
  });

  it('fills larger sizes with variants that are all different and keep the titles', () => {
    const base = fakeBase(20);
    const docs = planCorpus(base, 95);
    expect(docs).toHaveLength(95);
    expect(new Set(docs.map((d) => d.text)).size).toBe(95);
    expect(new Set(docs.map((d) => d.name)).size).toBe(95);
    const variants = docs.slice(20);
    const titles = new Set(base.map((d) => splitArticle(d.text).title));
    for (const v of variants) {
      expect(titles.has(splitArticle(v.text).title)).toBe(true);
      expect(v.text).toMatch(/Serial V\d{7}\n$/);
    }
  });

  it('varyText reorders paragraphs and sentences and swaps in donor words', () => {
    const text =
      'A title\n\nOne two three. Four five six.\n\nSeven eight nine.\n\nTen eleven twelve.';
    const donor = 'zebra yak walrus vulture unicorn';
    const outputs = new Set(Array.from({ length: 12 }, (_, s) => varyText(text, donor, s, 'S1')));
    expect(outputs.size).toBeGreaterThan(6);
    const v = varyText(text, donor.repeat(1), 3, 'S9');
    expect(v.startsWith('A title\n\n')).toBe(true);
    expect(splitArticle(v).paragraphs).toHaveLength(4); // three + the serial line
    const many = Array.from({ length: 40 }, (_, s) => varyText(text, donor, s, 'S')).join(' ');
    expect(many).toMatch(/zebra|yak|walrus|vulture|unicorn/);
  });

  it('shuffled keeps every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffled(items, seededRng(5));
    expect(out).not.toEqual(items);
    expect(out.slice().sort((a, b) => a - b)).toEqual(items);
  });
});

describe('bench query set', () => {
  it('has at least 200 queries of every kind, the same on every call', () => {
    // Word frequencies skewed like real text, so there are common and rare bands.
    const letters = (n: number) =>
      'qu' +
      [...n.toString(26)].map((c) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(c, 26)]).join('') +
      'ex';
    const rng = seededRng(11);
    const padded: BenchDoc[] = Array.from({ length: 300 }, (_, i) => ({
      name: `${i}.txt`,
      text:
        `Headline ${letters(i)}\n\n` +
        Array.from({ length: 80 }, () => letters(Math.floor(2000 * rng() ** 3))).join(' '),
    }));
    const a = buildQueries(padded);
    const b = buildQueries(padded);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(a.map((q) => q.kind));
    for (const k of [
      'common',
      'rare',
      'two',
      'three',
      'phrase',
      'prefix',
      'fuzzy',
      'field',
      'tag',
    ]) {
      expect(kinds.has(k as never)).toBe(true);
    }
    const phrase = a.find((q) => q.kind === 'phrase')!;
    expect(phrase.engine).toMatch(/^"\S+ \S+"$/);
    expect(phrase.lunr).toMatch(/^\+\S+ \+\S+$/);
    expect(a.find((q) => q.kind === 'tag')!.lunr).not.toContain('tag:');
  });
});

describe.skipIf(!hasShared)('bench corpus from Reuters', () => {
  it(`writes the first records as "title\\n\\nbody" texts (${hasShared ? 'shared data' : sharedSkipReason})`, async () => {
    const docs = await reutersDocs(reutersJsonl, 25);
    expect(docs).toHaveLength(25);
    expect(docs[0]!.text.startsWith('BAHIA COCOA REVIEW\n\nShowers continued')).toBe(true);
    expect(docs.every((d) => d.text.trim().length > 0)).toBe(true);
    expect(digest(await reutersDocs(reutersJsonl, 25))).toBe(digest(docs));
  });
});
