// Splits text into word tokens with their offsets, so that positions (for phrases) and
// ranges (for highlights) come from the same pass that produces index terms.
import { normalizeWord } from './normalize';

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
const WORD = '[\\p{L}\\p{M}\\p{N}\\u00AD\\u200C\\u200D]';
// Scripts written without spaces: each character is a token, so phrases of characters match.
const IDEOGRAPHIC = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const IDEOGRAPH_RE = new RegExp(`^${IDEOGRAPHIC}$`, 'u');
const JOINER = "['’ʼ\\-‐‑]";
const TOKEN_RE = new RegExp(
  `${IDEOGRAPHIC}|(?:(?!${IDEOGRAPHIC})${WORD})+(?:${JOINER}(?:(?!${IDEOGRAPHIC})${WORD})+)*`,
  'gu',
);
const SPLIT_JOINERS = new RegExp(JOINER, 'u');
// English possessive: "Iran’s" is about Iran.
const POSSESSIVE = /['’ʼ][sS]$/u;
// A word needs a letter or digit: a lone variation selector (emoji) or mark is no word.
const HAS_LETTER = /[\p{L}\p{N}]/u;
// Thai, Lao, Myanmar and Khmer are written without spaces between words; ICU's dictionary
// segmenter (Intl.Segmenter) finds the words, so a query word matches inside a sentence.
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;
let segmenter: Intl.Segmenter | null = null;

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
    normalisedPieces.length > 1 ? normalisedPieces.filter((p) => [...p].length > 1) : [];
  return { term, parts };
}

/** One raw word of a text and its offset, before normalisation. */
export interface RawWord {
  text: string;
  index: number;
}

/** The raw words of a text, before normalisation (for memoised analysis). */
export function* rawWords(text: string): Generator<RawWord> {
  for (const m of text.matchAll(TOKEN_RE)) {
    if (UNSPACED.test(m[0])) yield* segmentWords(m[0], m.index);
    else yield { text: m[0], index: m.index };
  }
}

function* segmentWords(run: string, offset: number): Generator<RawWord> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike) yield { text: s.segment, index: offset + s.index };
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
