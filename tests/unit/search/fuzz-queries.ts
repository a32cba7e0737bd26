// Seeded generators for search fuzzing (the unit test and `npm run fuzz` share them): queries
// mixing real words with long words, odd Unicode (combining marks, RTL and bidi controls, CJK,
// emoji sequences, lone surrogates, control characters) and operator soup, and the texts of a
// small generated library in several scripts for when the shared corpora are absent.
import { wordSoup } from './helpers';

/** A deterministic random source: `rnd(k)` in [0, k). */
export type Rnd = (k: number) => number;

const ODD = [
  'e\u0301',
  'a\u0301\u0302\u0303\u0304',
  '\u0301',
  '\u0651\u064e',
  'مُحَمَّد',
  'ایران',
  'می\u200cخواهم',
  'שָׁלוֹם',
  '\u202e',
  '\u202dabc\u202c',
  '\u2066x\u2069',
  '東京',
  '日本語',
  'ひらがな',
  'カタカナ',
  '한국어',
  'ภาษาไทย',
  '👩\u200d👩\u200d👧',
  '🇫🇷',
  '👍🏽',
  '\ufe0f',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u00ad',
  'ﬁ',
  'ß',
  'İ',
  'ς',
  '𝒜𝒷𝒸',
  '٣٤٥',
  '\t',
  '\n',
  '\r\n',
];
const OPERATORS = [
  '+',
  '-',
  '*',
  '~',
  '^',
  ':',
  '"',
  '\\',
  '~1',
  '~2',
  '~99',
  '^2',
  '^0.5',
  '^',
  '*~',
  '~*',
  '**',
  '""',
  '" "',
  'title:',
  'body:',
  'tags:',
  'place:',
  'tag:',
  'nofield:',
  'tag:"',
  '+-',
  '-+',
  '::',
  '\\*',
  '\\"',
  '(',
  ')',
  '[',
  '{',
  '&&',
  '||',
  'AND',
  'OR',
  'NOT',
];

/** Picks one item. */
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[rnd(list.length)]!;

function word(rnd: Rnd, vocabulary: readonly string[]): string {
  switch (rnd(12)) {
    case 0: {
      // A long word, sometimes past every limit, often fuzzy (the 320-letter ~2).
      const long = pick(rnd, ['ab', 'a', 'xyz', 'م', 'е', '字']).repeat(1 + rnd(rnd(3) ? 40 : 400));
      return rnd(2) ? `${long}~2` : long;
    }
    case 1:
      return pick(rnd, ODD);
    case 2:
      return pick(rnd, OPERATORS);
    case 3:
      return pick(rnd, vocabulary) + pick(rnd, ODD);
    case 4:
      return String.fromCharCode(rnd(0x10000));
    default:
      return pick(rnd, vocabulary);
  }
}

/** One clause: a word with optional sign, field, prefix/fuzzy/boost, or a phrase. */
function clause(rnd: Rnd, vocabulary: readonly string[]): string {
  const sign = pick(rnd, ['', '', '', '+', '-']);
  const field = rnd(6) === 0 ? pick(rnd, ['title:', 'body:', 'tags:', 'place:', 'tag:']) : '';
  if (rnd(7) === 0) {
    const words = Array.from({ length: 1 + rnd(rnd(4) ? 4 : 60) }, () => word(rnd, vocabulary));
    return `${sign}${field}"${words.join(' ')}"${rnd(5) === 0 ? pick(rnd, ['~1', '^2', '*']) : ''}`;
  }
  let w = word(rnd, vocabulary);
  const modifier = rnd(5);
  if (modifier === 0) w += '*';
  else if (modifier === 1) w += `~${rnd(4)}`;
  else if (modifier === 2 && rnd(2)) w += `^${rnd(5)}`;
  return `${sign}${field}${w}`;
}

/** A well-formed query that is costly to answer: the kinds that once ran away. */
function heavy(rnd: Rnd, vocabulary: readonly string[]): string {
  const some = (n: number, f: () => string): string => Array.from({ length: n }, f).join(' ');
  switch (rnd(6)) {
    case 0:
      return `${pick(rnd, ['ab', 'xy', 'a', 'با']).repeat(40 + rnd(120))}~2`;
    case 1:
      return some(32, () => `${pick(rnd, vocabulary)}~2`);
    case 2:
      return some(32, () => `${[...pick(rnd, vocabulary)].slice(0, 2).join('')}*`);
    case 3:
      return `"${some(60 + rnd(60), () => pick(rnd, vocabulary))}"`.slice(0, 1000);
    case 4:
      return some(32, () => `"${pick(rnd, vocabulary)} ${pick(rnd, vocabulary)}"`).slice(0, 1000);
    default:
      return some(32, () => `${rnd(2) ? '+' : ''}${pick(rnd, vocabulary)}`);
  }
}

/** `count` queries from `seed`, built from `vocabulary` and the odd pieces above. */
export function* fuzzQueries(
  seed: number,
  count: number,
  vocabulary: readonly string[],
): Generator<string> {
  const { rnd } = wordSoup(seed);
  for (let n = 0; n < count; n++) {
    const shape = rnd(10);
    if (shape === 0) {
      // Operator soup, no words at all.
      yield Array.from({ length: 1 + rnd(30) }, () => pick(rnd, OPERATORS)).join(rnd(2) ? '' : ' ');
    } else if (shape === 1) {
      // Many clauses: up to and past the 32-part limit, often all expanding.
      const kind = pick(rnd, ['*', '~2', '~1', '']);
      yield Array.from({ length: 20 + rnd(20) }, () => pick(rnd, vocabulary) + kind).join(' ');
    } else if (shape === 2) {
      yield heavy(rnd, vocabulary);
    } else {
      const parts = Array.from({ length: 1 + rnd(rnd(3) ? 4 : 12) }, () => clause(rnd, vocabulary));
      yield parts.join(pick(rnd, [' ', ' ', '  ', '\t', '']));
    }
  }
}

const SCRIPTS: readonly (readonly string[])[] = [
  ['harbour', 'cargo', 'the', 'of', 'market', 'economy', 'talks', 'nuclear', 'Iran’s', 'al-Sudani'],
  ['المحادثات', 'النووية', 'إيران', 'في', 'السوق', 'الاقتصاد', 'مُحَمَّد'],
  ['Москва', 'решение', 'книга', 'рынок', 'экономика'],
  ['東京', '市場', '経済', 'ひらがな', 'カタカナ'],
  ['café', 'élégant', 'naïve', 'Straße', 'ﬁle', 'Ελλάδα'],
];

/** Texts (title and body) of a small library in several scripts, from `seed`. */
export function generatedArticles(seed: number, count: number): { title: string; body: string }[] {
  const { rnd, sentence } = wordSoup(seed);
  return Array.from({ length: count }, (_, i) => {
    const words = SCRIPTS[i % SCRIPTS.length]!;
    // A few long articles and one very long word among them.
    const length = i % 40 === 0 ? 20_000 : 20 + rnd(300);
    const odd = i % 25 === 0 ? ` ${'z'.repeat(5000)} ${pick(rnd, ODD)}` : '';
    return { title: sentence(words, 2 + rnd(5)), body: `${sentence(words, length)}${odd}.` };
  });
}

/** The distinct words of some texts (a vocabulary for queries). */
export function vocabularyOf(texts: readonly string[], limit = 5000): string[] {
  const seen = new Set<string>();
  for (const t of texts) {
    for (const w of t.split(/[\s.,;:!?"()]+/u)) {
      if (w && w.length < 40) seen.add(w);
      if (seen.size >= limit) return [...seen];
    }
  }
  return [...seen];
}
