import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stemArabic } from '../../../main/core/search/analysis/arabic-stemmer';
import { stem } from '../../../main/core/search/analysis/stemmer';

// lunr-languages' own Arabic stemmer, the one stemArabic must agree with.
const require = createRequire(import.meta.url);
const lunr = require('lunr') as Record<string, unknown>;
(require('lunr-languages/lunr.stemmer.support.js') as (l: unknown) => void)(lunr);
(require('lunr-languages/lunr.ar.js') as (l: unknown) => void)(lunr);
const original = (lunr.ar as { stemmer: (w: string) => unknown }).stemmer;
const reference = (word: string): string => String(original(word));

/** Words built the way Arabic builds them: prefixes, a root in a pattern, suffixes, marks. */
function arabicWords(count: number, seed: number): string[] {
  let s = seed;
  const rnd = (k: number): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) >>> 0) % k;
  const letters = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي';
  const prefixes = [
    '',
    '',
    'ال',
    'و',
    'ف',
    'ب',
    'ل',
    'ك',
    'س',
    'وال',
    'بال',
    'فبال',
    'وكال',
    'لل',
    'ت',
    'ي',
    'ن',
    'ا',
    'م',
    'است',
  ];
  const suffixes = [
    '',
    '',
    'ة',
    'ات',
    'ون',
    'ين',
    'ها',
    'هم',
    'كما',
    'تين',
    'ناها',
    'ا',
    'ي',
    'ه',
    'وا',
    'تموه',
    'نيها',
  ];
  const marks = ['', '', '', '\u064e', '\u0650', '\u0651', '\u0640', '\u064b'];
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let root = '';
    const n = 1 + rnd(6);
    for (let k = 0; k < n; k++) root += letters[rnd(letters.length)]! + marks[rnd(marks.length)]!;
    if (rnd(3) === 0) root = root.slice(0, 1) + 'ا' + root.slice(1);
    if (rnd(4) === 0) root = root.slice(0, 2) + 'و' + root.slice(2);
    if (rnd(9) === 0) root = `و${root}`;
    words.push(prefixes[rnd(prefixes.length)]! + root + suffixes[rnd(suffixes.length)]!);
  }
  return words;
}

describe('stemArabic', () => {
  it("gives lunr-languages' stem for every word, stop words and short words included", () => {
    const words = [
      ...arabicWords(30_000, 7),
      'الاتفاق',
      'والمدرسة',
      'فبالكتاب',
      'استخدام',
      'مستشفيات',
      'يكتبون',
      'ؤؤئئ',
      'اااا',
      'وو',
      'ووزير',
      'ـــ',
      'قال',
      'ان',
      'غير',
      '',
      'ف',
      'abc',
      'كتابabc',
    ];
    for (const word of words) expect(stemArabic(word), word).toBe(reference(word));
  });

  it('is the stemmer the index uses for Arabic', () => {
    for (const word of arabicWords(200, 3)) {
      expect(stem(word, 'ar')).toBe(stemArabic(word) || word);
    }
  });
});
