import { describe, expect, it } from 'vitest';
import { SpanTable, spanHash } from '../../../main/core/search/analysis/span-table';
import {
  MAX_TOKEN_LENGTH,
  forEachHashedWord,
  forEachWordSpan,
  rawWords,
} from '../../../main/core/search/analysis/tokenizer';
import { wordSoup } from './helpers';

const spans = (text: string): string[] => {
  const out: string[] = [];
  forEachWordSpan(text, (start, end) => out.push(`${start}:${text.slice(start, end)}`));
  return out;
};
const words = (text: string): string[] => [...rawWords(text)].map((w) => `${w.index}:${w.text}`);

const TEXTS = [
  "Iran's al-Sudani met O’Brien — 3.5% of 2024's budget…",
  'عاد الرئيس إلى بغداد، وقال: «الاتفاق» تم.',
  '東京都の人口は増えた。Москва и Киев',
  'ภาษาไทยไม่มีช่องว่าง and ລາວ words',
  `${'x'.repeat(MAX_TOKEN_LENGTH + 40)} tail 😀👍🏽 é̃ \u00ADsoft\u00ADhyphen`,
  wordSoup(7).sentence(['Reuters', 'مدرسة', 'l’état', 'e-mail', '北京', 'ไทย', '42', '—'], 2_000),
];

describe('forEachWordSpan', () => {
  it('gives the raw words of rawWords, at the same offsets', () => {
    for (const text of TEXTS) expect(spans(text)).toEqual(words(text));
  });
});

describe('forEachHashedWord', () => {
  it('gives the words of forEachWordSpan, each with its spanHash', () => {
    // Joiners, surrogate pairs, capped runs and unspaced scripts all go through the hashing
    // walk or its fallbacks: a hash folded in wrongly would differ from spanHash.
    for (const text of [...TEXTS, "it's o'clock -- ab-'cd 𝒜𝒷𝒸 x-"]) {
      const got: string[] = [];
      forEachHashedWord(text, (start, end, hash) => {
        expect(hash).toBe(spanHash(text, start, end));
        got.push(`${start}:${text.slice(start, end)}`);
      });
      expect(got).toEqual(spans(text));
    }
  });

  it('finds a word by its hash where get finds it by its span', () => {
    const table = new SpanTable((w) => w.toUpperCase());
    const text = 'Éire’s al-Sudani 東京 ok';
    const got: string[] = [];
    forEachHashedWord(text, (s, e, h) => got.push(table.getHashed(text, s, e, h)));
    expect(got).toEqual(['ÉIRE’S', 'AL-SUDANI', '東', '京', 'OK']);
    forEachWordSpan(text, (s, e) => expect(table.get(text, s, e)).toBe(got.shift()));
    expect(table.size).toBe(5);
  });
});

describe('rawWords', () => {
  it('gives each text its own words when two scans are read in turn', () => {
    const a = 'ภาษาไทย one-two 東京 three';
    const b = 'alpha beta — gamma delta epsilon';
    const ga = rawWords(a);
    const gb = rawWords(b);
    const gotA: string[] = [];
    const gotB: string[] = [];
    for (;;) {
      const x = ga.next();
      const y = gb.next();
      if (!x.done) gotA.push(`${x.value.index}:${x.value.text}`);
      if (!y.done) gotB.push(`${y.value.index}:${y.value.text}`);
      if (x.done && y.done) break;
    }
    expect(gotA).toEqual(words(a));
    expect(gotB).toEqual(words(b));
    expect(gotB).toEqual(['0:alpha', '6:beta', '13:gamma', '19:delta', '25:epsilon']);
  });
});

describe('SpanTable', () => {
  it('computes a value once per distinct word and finds it by span', () => {
    const made: string[] = [];
    const table = new SpanTable((w) => {
      made.push(w);
      return w.toUpperCase();
    });
    const text = 'the cat saw the other cat';
    const got: string[] = [];
    forEachWordSpan(text, (s, e) => got.push(table.get(text, s, e)));
    expect(got).toEqual(['THE', 'CAT', 'SAW', 'THE', 'OTHER', 'CAT']);
    expect(made).toEqual(['the', 'cat', 'saw', 'other']);
    expect(table.size).toBe(4);
  });

  it('tells apart words of the same hash slot and keeps them through growth', () => {
    const table = new SpanTable((w) => w.length);
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    let n = 0;
    forEachWordSpan(text, (s, e) => {
      expect(table.get(text, s, e)).toBe(e - s);
      n++;
    });
    expect(table.size).toBe(n);
    // Every word again, now all present: nothing new is made.
    let made = 0;
    const again = new SpanTable((w) => (made++, w));
    forEachWordSpan(text, (s, e) => again.get(text, s, e));
    forEachWordSpan(text, (s, e) => expect(again.get(text, s, e)).toBe(text.slice(s, e)));
    expect(made).toBe(n);
  });
});
