import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../../main/core/search/analysis/normalize';
import { tokenize } from '../../../main/core/search/analysis/tokenizer';
import { textTerms } from '../../../main/core/search/analysis/analyzer';

const terms = (text: string): string[] => tokenize(text).map((t) => t.term);

describe('normalizeWord', () => {
  it('unifies Arabic and Persian letter variants in both directions', () => {
    // Persian yeh / alef maksura vs Arabic yeh; keheh vs kaf.
    expect(normalizeWord('ایران')).toBe(normalizeWord('ايران'));
    expect(normalizeWord('على')).toBe(normalizeWord('علي'));
    expect(normalizeWord('کتاب')).toBe(normalizeWord('كتاب'));
    expect(normalizeWord('كتاب')).toBe(normalizeWord('کتاب'));
    // Alef variants, teh marbuta.
    expect(normalizeWord('أحمد')).toBe(normalizeWord('احمد'));
    expect(normalizeWord('إسلام')).toBe(normalizeWord('اسلام'));
    expect(normalizeWord('آمن')).toBe(normalizeWord('امن'));
    expect(normalizeWord('مدرسة')).toBe(normalizeWord('مدرسه'));
  });

  it('drops harakat, superscript alef and tatweel', () => {
    expect(normalizeWord('مُحَمَّدٌ')).toBe('محمد');
    expect(normalizeWord('هٰذا')).toBe(normalizeWord('هذا'));
    expect(normalizeWord('كـــتاب')).toBe(normalizeWord('كتاب'));
  });

  it('joins words split by a zero-width non-joiner', () => {
    expect(normalizeWord('می\u200Cخواهم')).toBe(normalizeWord('میخواهم'));
  });

  it('folds Latin and Greek accents, NFKC and case', () => {
    expect(normalizeWord('Café')).toBe('cafe');
    expect(normalizeWord('ÉLAN')).toBe('elan');
    expect(normalizeWord('Ελλάδα')).toBe('ελλαδα');
    expect(normalizeWord('ﬁle')).toBe('file');
    expect(normalizeWord('Straße')).toBe('strasse');
  });

  it('keeps Cyrillic letters (й is not и)', () => {
    expect(normalizeWord('Москва')).toBe('москва');
    expect(normalizeWord('май')).not.toBe(normalizeWord('маи'));
  });
});

describe('tokenize', () => {
  it('strips possessive apostrophes, curly or straight', () => {
    expect(terms('Iran’s')).toEqual(['iran']);
    expect(terms("Iran's")).toEqual(['iran']);
  });

  it('keeps hyphenated words whole and as parts', () => {
    const [t] = tokenize('al-Sudani');
    expect(t?.term).toBe('alsudani');
    expect(t?.parts).toEqual(['al', 'sudani']);
  });

  it('records offsets into the original text', () => {
    const text = 'Hello, «Wörld» 42';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Hello', 'Wörld', '42']);
  });

  it('keeps words of non-Latin scripts', () => {
    expect(terms('Москва и Ελλάδα')).toEqual(['москва', 'и', 'ελλαδα']);
    expect(terms('שלום עולם')).toEqual(['שלום', 'עולם']);
    expect(terms('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    expect(terms('سلام دنیا')).toEqual(['سلام', 'دنيا']);
  });

  it('splits ideographic scripts into characters', () => {
    expect(terms('東京都')).toEqual(['東', '京', '都']);
  });

  it('ignores punctuation-only input', () => {
    expect(terms('— … !!! --')).toEqual([]);
  });
});

describe('textTerms (stemming)', () => {
  it('stems by the article language', () => {
    expect(textTerms('running', 'en')).toEqual(['run']);
    expect(textTerms('Häuser', 'de')).toEqual(textTerms('Hauser', 'de'));
    expect(textTerms('книги', 'ru')).toEqual(textTerms('книга', 'ru'));
  });

  it('leaves words alone for languages without a stemmer', () => {
    expect(textTerms('running', '')).toEqual(['running']);
  });
});
