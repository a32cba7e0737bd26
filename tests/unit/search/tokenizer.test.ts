import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../../main/core/search/analysis/normalize';
import { MAX_TOKEN_LENGTH, rawWords, tokenize } from '../../../main/core/search/analysis/tokenizer';
import { wordSoup } from './helpers';
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

// The tokenizer before it scanned by hand: one regular expression. It overflowed V8's stack
// on a 10 MB run of letters; on ordinary text the scanner must find exactly its words.
const OLD_TOKEN_RE = (() => {
  const word = '[\\p{L}\\p{M}\\p{N}\\u00AD\\u200C\\u200D]';
  const ideo = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
  const joiner = "['’ʼ\\-‐‑]";
  return new RegExp(`${ideo}|(?:(?!${ideo})${word})+(?:${joiner}(?:(?!${ideo})${word})+)*`, 'gu');
})();
const OLD_UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;

describe('rawWords (the scanner)', () => {
  it('finds the same words as the regular expression it replaced, in any script', () => {
    const { rnd } = wordSoup(5);
    const pieces = [
      'Iran’s',
      'al-Sudani',
      'l’état',
      'x-',
      '-y',
      "rock'n'roll",
      'café',
      'naïve',
      'e\u0301',
      'ﬁle',
      'مُحَمَّد',
      'می\u200Cخواهم',
      'Москва',
      'Ελλάδα',
      'שָׁלוֹם',
      'नमस्ते',
      '東京都',
      'ひらがな',
      'カタカナ',
      '한국어',
      'ภาษาไทย',
      'ພາສາລາວ',
      '𝒜𝒷𝒸',
      '𠀀𠀁',
      '👩‍👩‍👧',
      '🇫🇷',
      '\u0301',
      '\uD800',
      '\uDC00x',
      '٣٤٥',
      '42',
      '3.14',
      'U.S.',
      'co\u00ADop',
      '\u0000',
      '\u202E',
      ' ',
      '  ',
      '\n',
      '—',
      '…',
      '!!',
      "'",
      '-',
      '‐',
      '__',
      '\t',
    ];
    for (let n = 0; n < 400; n++) {
      const text = Array.from({ length: 1 + rnd(30) }, () => pieces[rnd(pieces.length)]).join(
        rnd(3) ? ' ' : '',
      );
      const expected: { text: string; index: number }[] = [];
      for (const m of text.matchAll(OLD_TOKEN_RE)) {
        // Unspaced scripts go through Intl.Segmenter in both versions.
        if (OLD_UNSPACED.test(m[0])) {
          const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
          for (const s of segmenter.segment(m[0])) {
            if (s.isWordLike) expected.push({ text: s.segment, index: m.index + s.index });
          }
        } else expected.push({ text: m[0], index: m.index });
      }
      expect([...rawWords(text)], JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reads a 10 MB run of letters as one word of its first MAX_TOKEN_LENGTH letters', () => {
    const run = 'a'.repeat(10_000_000);
    const words = [...rawWords(`before ${run} after`)];
    expect(words.map((w) => [w.text.length, w.index])).toEqual([
      [6, 0],
      [MAX_TOKEN_LENGTH, 7],
      [5, 7 + run.length + 1],
    ]);
    // Joined runs count as one word too; the cap never splits a surrogate pair.
    const joined = [...rawWords(`${'b'.repeat(300)}-${'c'.repeat(300)}`)];
    expect(joined.map((w) => w.text)).toEqual(['b'.repeat(MAX_TOKEN_LENGTH)]);
    const astral = [...rawWords('𝒜'.repeat(200))];
    expect(astral[0]!.text.length).toBe(MAX_TOKEN_LENGTH - 1);
    expect(astral[0]!.text.endsWith('𝒜')).toBe(true);
    // Words of an unspaced script are capped one by one, not the whole run.
    const thai = [...rawWords('ภาษาไทย'.repeat(100))];
    expect(thai.length).toBeGreaterThan(100);
  });

  it('indexes, queries and highlights a huge word by the same prefix', () => {
    const long = 'Z'.repeat(400);
    const indexed = textTerms(`${long} tail`, '');
    expect(indexed).toEqual(['z'.repeat(MAX_TOKEN_LENGTH), 'tail']);
    // The query word is cut the same way, so it finds the article.
    expect(tokenize(long + 'QQQ').map((t) => t.term)).toEqual(['z'.repeat(MAX_TOKEN_LENGTH)]);
    expect(tokenize(long)[0]).toMatchObject({ start: 0, end: MAX_TOKEN_LENGTH });
  });
});
