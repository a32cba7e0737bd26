import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../main/core/text/counts';
import { foldForDates, foldWholeText } from '../../../../main/core/text/dates/fold-text';
import { wordSoup } from '../../search/helpers';

// Words of many scripts and the characters the fast paths must treat as the slow ones do:
// joiners, marks, astral letters, lone surrogates, Hangul jamo, final sigma, Turkish İ,
// Arabic marks and letter forms, Persian digits, the zero-width non-joiner.
const PIECES = [
  'Reuters',
  'well-known',
  'it’s',
  "o'clock",
  'abc-',
  '-x',
  '42abc',
  'a1b2',
  'é̃',
  'İstanbul',
  'ΟΔΥΣΣΕΥΣ',
  'Σίσυφος',
  'عَرَبِيّ',
  'أإآٱ',
  'یکی',
  'دی‌ماه',
  '۱۴۰۲',
  '١٢٣',
  '東京都',
  'ภาษาไทย',
  'ລາວ',
  '𝒜𝒷𝒸',
  '😀👍🏽',
  '\ud800',
  '\udc00x',
  '각',
  '\u1100\u1161\u11a8',
  '가\u11a8',
  'Ǆemal',
  '—',
  '12:30',
];

/** The definition countWords implements, as a regular expression. */
function countByRegex(text: string): number {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const unspaced =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;
  let n = 0;
  for (const m of text.matchAll(/\p{L}[\p{L}\p{M}\p{N}'\u2019-]*/gu)) {
    if (!unspaced.test(m[0])) n++;
    else for (const s of segmenter.segment(m[0])) if (s.isWordLike) n++;
  }
  return n;
}

describe('countWords', () => {
  it('counts what the regular expression of a word matches, in any script', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = wordSoup(seed).sentence(PIECES, 300);
      expect(countWords(text)).toBe(countByRegex(text));
    }
    for (const piece of PIECES) expect(countWords(piece)).toBe(countByRegex(piece));
  });
});

describe('foldForDates', () => {
  it('folds as the whole-text steps do, one character at a time where it can', () => {
    // Without the pieces that send a text to the whole-text steps, then with them.
    const perCharacter = PIECES.filter((p) => !/[\ud800-\udfff\u1100-\u11ff\u03a3]/.test(p));
    for (let seed = 1; seed <= 20; seed++) {
      for (const pieces of [perCharacter, PIECES]) {
        const text = wordSoup(seed).sentence(pieces, 200);
        expect(foldForDates(text)).toBe(foldWholeText(text));
      }
    }
    for (const piece of PIECES)
      expect(foldForDates(`x ${piece}`)).toBe(foldWholeText(`x ${piece}`));
    // Longer than the reused buffer and than one String.fromCharCode call, with characters
    // that fold to two code units (CJK compatibility ideographs, whose canonical forms are
    // astral) and to none (Arabic marks); then one that fits.
    const long = wordSoup(7).sentence([...perCharacter, '\ufa6c\ufad0\ufad7', 'عَرَبِيّ'], 20_000);
    expect(long.length).toBeGreaterThan(40_000);
    expect(foldForDates(long)).toBe(foldWholeText(long));
    const wider = `x ${'\ufa6c '.repeat(10_000)}`;
    expect(foldForDates(wider)).toBe(foldWholeText(wider));
    const fits = long.slice(0, 12_000);
    expect(foldForDates(fits)).toBe(foldWholeText(fits));
    // Folded again after another text (not the last one folded).
    expect(foldForDates(long)).toBe(foldWholeText(long));
    expect(foldForDates('Veröffentlicht am ۱۴ دی‌ماه')).toBe('veroffentlicht am 14 ديماه');
    expect(foldForDates('ΟΔΥΣΣΕΥΣ')).toBe('οδυσσευς');
  });
});
