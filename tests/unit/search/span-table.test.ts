import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../../main/core/search/analysis/span-table';
import {
  MAX_TOKEN_LENGTH,
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

describe('forEachWordSpan', () => {
  it('gives the raw words of rawWords, at the same offsets', () => {
    const texts = [
      "Iran's al-Sudani met O’Brien — 3.5% of 2024's budget…",
      'عاد الرئيس إلى بغداد، وقال: «الاتفاق» تم.',
      '東京都の人口は増えた。Москва и Киев',
      'ภาษาไทยไม่มีช่องว่าง and ລາວ words',
      `${'x'.repeat(MAX_TOKEN_LENGTH + 40)} tail 😀👍🏽 é̃ \u00ADsoft\u00ADhyphen`,
      wordSoup(7).sentence(
        ['Reuters', 'مدرسة', 'l’état', 'e-mail', '北京', 'ไทย', '42', '—'],
        2_000,
      ),
    ];
    for (const text of texts) expect(spans(text)).toEqual(words(text));
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
