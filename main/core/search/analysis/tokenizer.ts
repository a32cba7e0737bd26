// Splits text into word tokens with their offsets, so that positions (for phrases) and
// ranges (for highlights) come from the same pass that produces index terms.
import { SPAN_HASH_PRIME, SPAN_HASH_SEED, spanHash } from './span-table';
import { normalizeWord } from './normalize';
import { CodePointClasses } from '../../text/code-point-classes';

/** One word of a text: its place, its normalised form, and the parts it joins. */
export interface Token {
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset after the last character in the original text. */
  end: number;
  /** Normalised whole word, with joiners removed ("al-Sudani" → "alsudani"). */
  term: string;
  /** Normalised parts of a joined word ("al", "sudani"); empty for simple words. */
  parts: string[];
}

// Soft hyphens sit inside words (typeset or pasted text) and are removed by normalisation.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]$/u;
// Scripts written without spaces: each character is a token, so phrases of characters match.
const IDEOGRAPH_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const JOINER_CHAR = /^['’ʼ\-‐‑]$/u;
const SPLIT_JOINERS = /['’ʼ\-‐‑]/u;
// English possessive: "Iran’s" is about Iran.
const POSSESSIVE = /['’ʼ][sS]$/u;
// A word needs a letter or digit: a lone variation selector (emoji) or mark is no word.
const HAS_LETTER = /[\p{L}\p{N}]/u;
// Thai, Lao, Myanmar and Khmer are written without spaces between words; ICU's dictionary
// segmenter (Intl.Segmenter) finds the words, so a query word matches inside a sentence.
const UNSPACED_CHAR = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]$/u;
let segmenter: Intl.Segmenter | null = null;

/**
 * Longest raw word, in UTF-16 code units; a longer run of letters is indexed, searched and
 * highlighted as its first MAX_TOKEN_LENGTH units (Lucene's StandardTokenizer also stops at
 * 255). A 10 MB run of letters is then one ordinary word instead of a 10 MB term.
 */
export const MAX_TOKEN_LENGTH = 255;

// Character classes for the scanner, as bits. Words are found by a loop over a class table,
// not by a regular expression: V8's backtracking over a 10 MB run of letters overflowed the
// stack ("Maximum call stack size exceeded") and broke search for the whole library.
const OTHER = 1;
const WORD = 2;
const IDEOGRAPH = 4;
// Flag on WORD: the character's script is written without spaces.
const UNSPACED = 8;
const JOINER = 16;
// Flag on a class read at some index: the character there is a surrogate pair.
const PAIR = 32;
function classify(ch: string): number {
  if (IDEOGRAPH_RE.test(ch)) return IDEOGRAPH;
  if (WORD_CHAR.test(ch)) return UNSPACED_CHAR.test(ch) ? WORD | UNSPACED : WORD;
  return JOINER_CHAR.test(ch) ? JOINER : OTHER;
}

const classes = new CodePointClasses(classify, PAIR);
const bmpClasses = classes.bmp;

/** The class of the character at `i`, with PAIR set when it takes two code units. */
function classAt(text: string, i: number): number {
  // Small enough for V8 to inline into the scanners' loops: a known BMP letter or space is one
  // table read; surrogates and characters not met before take the call.
  const c = text.charCodeAt(i);
  const cls = bmpClasses[c]!;
  return cls !== 0 && (c < 0xd800 || c > 0xdbff) ? cls : classes.slow(text, i, c);
}

const widthOf = (cls: number): number => (cls & PAIR ? 2 : 1);

// Raw word → normalised form. Normalisation (NFKC, case, Arabic, accents) dominates the
// cost of tokenising, and texts repeat the same few thousand words.
const MEMO_LIMIT = 100_000;
const rawMemo = new Map<string, { term: string; parts: string[] } | null>();

/** True for a token that is one ideograph (Han, Hiragana, Katakana): its own whole word. */
export function isIdeograph(term: string): boolean {
  return IDEOGRAPH_RE.test(term);
}

/** The normalised whole word and parts of one raw match, or null when nothing is left. */
export function analyseRaw(raw: string): { term: string; parts: string[] } | null {
  let a = rawMemo.get(raw);
  if (a === undefined) {
    a = analyseUncached(raw);
    if (rawMemo.size >= MEMO_LIMIT) rawMemo.clear();
    rawMemo.set(raw, a);
  }
  return a;
}

function analyseUncached(raw: string): { term: string; parts: string[] } | null {
  const core = raw.replace(POSSESSIVE, '');
  const pieces = core.split(SPLIT_JOINERS);
  const normalisedPieces = pieces.map(normalizeWord).filter((p) => p.length > 0);
  const term = normalisedPieces.join('');
  if (!HAS_LETTER.test(term)) return null;
  // Single letters of joined words ("l'", "e-") would match almost everything.
  const parts =
    normalisedPieces.length > 1
      ? normalisedPieces.filter((p) => [...p].length > 1)
      : hangulStems(term);
  return { term, parts };
}

// A word of Hangul syllables and nothing else.
const HANGUL_WORD = /^[\uac00-\ud7a3]+$/u;
// Shortest stem kept: one syllable would match too many words.
const MIN_HANGUL_STEM = 2;

/**
 * Korean writes particles and endings joined to the word ("요금을", the fare as an object;
 * "발표했다", announced): the word without its last one or two syllables is indexed with it,
 * so that "요금" and "발표" find them. (Lucene's CJK analyzer indexes Hangul as bigrams
 * instead; stems keep a query word one term and rank whole words first.)
 */
function hangulStems(term: string): string[] {
  if (term.length <= MIN_HANGUL_STEM || !HANGUL_WORD.test(term)) return [];
  const stems: string[] = [];
  for (let cut = 1; cut <= 2 && term.length - cut >= MIN_HANGUL_STEM; cut++) {
    stems.push(term.slice(0, term.length - cut));
  }
  return stems;
}

/** One raw word of a text and its offset, before normalisation. */
export interface RawWord {
  text: string;
  index: number;
}

/** End of a raw word starting at `start`: at most MAX_TOKEN_LENGTH units, pairs kept whole. */
function cappedEnd(text: string, start: number, end: number): number {
  if (end - start <= MAX_TOKEN_LENGTH) return end;
  let cut = start + MAX_TOKEN_LENGTH;
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--;
  return cut;
}

/**
 * The raw words of a text, before normalisation (for memoised analysis): an ideograph alone,
 * or a run of letters, marks and digits, with runs joined by ' or - kept as one word; each
 * at most MAX_TOKEN_LENGTH long. Linear in the text, with no recursion.
 */
export function* rawWords(text: string): Generator<RawWord> {
  for (let i = 0; (i = nextRun(text, i)) >= 0;) {
    // Read before the yield: another scan may run while this generator waits.
    const start = i;
    const end = runEnd;
    const unspaced = runUnspaced;
    i = end;
    if (unspaced) yield* segmentWords(text.slice(start, end), start);
    else yield { text: text.slice(start, cappedEnd(text, start, end)), index: start };
  }
}

/**
 * rawWords as spans: the same words in the same order, each as its start and end offsets in
 * `text`, without a string or an object per word (the analysis of whole articles and the
 * tagging rules' scan go through it).
 */
export function forEachWordSpan(text: string, visit: (start: number, end: number) => void): void {
  for (let i = 0; (i = nextRun(text, i)) >= 0;) {
    const start = i;
    const end = runEnd;
    const unspaced = runUnspaced;
    i = end;
    if (!unspaced) visit(start, cappedEnd(text, start, end));
    else
      for (const w of segmentWords(text.slice(start, end), start)) {
        visit(w.index, w.index + w.text.length);
      }
  }
}

// Bound here once: the scanner's loop reads them as locals.
const SEED = SPAN_HASH_SEED;
const PRIME = SPAN_HASH_PRIME;

/**
 * forEachWordSpan with each word's spanHash (span-table.ts), folded in while the text is read:
 * the same words, offsets and order, in one pass over the text instead of two (the index's
 * analysis and the tagging rules' scan look every word up in a SpanTable).
 */
export function forEachHashedWord(
  text: string,
  visit: (start: number, end: number, hash: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = classAt(text, i);
    if ((first & (WORD | IDEOGRAPH)) === 0) {
      i += widthOf(first);
      continue;
    }
    const start = i;
    if (first & IDEOGRAPH) {
      i += widthOf(first);
      visit(start, i, spanHash(text, start, i));
      continue;
    }
    // wordRunEnd's walk, hashing each code unit it steps over.
    let h = SEED;
    let unspaced = false;
    for (;;) {
      while (i < n) {
        const c = classAt(text, i);
        if ((c & WORD) === 0) break;
        if (c & UNSPACED) unspaced = true;
        h = Math.imul(h ^ text.charCodeAt(i), PRIME);
        if (c & PAIR) h = Math.imul(h ^ text.charCodeAt(i + 1), PRIME);
        i += widthOf(c);
      }
      if (i + 1 < n && classAt(text, i) & JOINER && classAt(text, i + 1) & WORD) {
        h = Math.imul(h ^ text.charCodeAt(i), PRIME);
        i++;
        continue;
      }
      break;
    }
    if (unspaced) {
      for (const w of segmentWords(text.slice(start, i), start)) {
        const end = w.index + w.text.length;
        visit(w.index, end, spanHash(text, w.index, end));
      }
      continue;
    }
    const end = cappedEnd(text, start, i);
    visit(start, end, end === i ? h : spanHash(text, start, end));
  }
}

// Set by nextRun: the end of the run it found, and whether its script is written without spaces.
let runEnd = 0;
let runUnspaced = false;

/**
 * The start of the next run at or after `i` (an ideograph, or letters, marks and digits joined
 * by ' or -), or -1 at the end of the text; its end and kind are left in runEnd and runUnspaced.
 */
function nextRun(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const first = classAt(text, i);
    if (first & IDEOGRAPH) {
      runEnd = i + widthOf(first);
      runUnspaced = false;
      return i;
    }
    if ((first & WORD) === 0) {
      i += widthOf(first);
      continue;
    }
    runEnd = wordRunEnd(text, i);
    return i;
  }
  return -1;
}

/** End of the run of word characters (runs joined by ' or -) starting at `i`. */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  runUnspaced = false;
  for (;;) {
    // One run of word characters (ideographs are words of their own).
    while (i < n) {
      const c = classAt(text, i);
      if ((c & WORD) === 0) break;
      if (c & UNSPACED) runUnspaced = true;
      i += widthOf(c);
    }
    // A joiner continues the word only when another run follows it.
    if (i + 1 < n && classAt(text, i) & JOINER && classAt(text, i + 1) & WORD) {
      i++;
      continue;
    }
    return i;
  }
}

function* segmentWords(run: string, offset: number): Generator<RawWord> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(run)) {
    if (!s.isWordLike) continue;
    const end = cappedEnd(run, s.index, s.index + s.segment.length);
    yield { text: run.slice(s.index, end), index: offset + s.index };
  }
}

/** Tokenises text into words (Unicode letters, marks and digits; joined by ' or -). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { text: raw, index: start } of rawWords(text)) {
    const a = analyseRaw(raw);
    if (a) tokens.push({ start, end: start + raw.length, term: a.term, parts: [...a.parts] });
  }
  return tokens;
}
