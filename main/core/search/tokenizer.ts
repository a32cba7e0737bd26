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

const WORD = '[\\p{L}\\p{M}\\p{N}\\u200C\\u200D]';
// Scripts written without spaces: each character is a token, so phrases of characters match.
const IDEOGRAPHIC = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const JOINER = "['’ʼ\\-‐‑]";
const TOKEN_RE = new RegExp(
  `${IDEOGRAPHIC}|(?:(?!${IDEOGRAPHIC})${WORD})+(?:${JOINER}(?:(?!${IDEOGRAPHIC})${WORD})+)*`,
  'gu',
);
const SPLIT_JOINERS = new RegExp(JOINER, 'u');
// English possessive: "Iran’s" is about Iran.
const POSSESSIVE = /['’ʼ][sS]$/u;
const ONLY_JOINERS = /[\u200C\u200D]/g;

// Raw word → normalised form. Normalisation (NFKC, case, Arabic, accents) dominates the
// cost of tokenising, and texts repeat the same few thousand words.
const MEMO_LIMIT = 100_000;
const rawMemo = new Map<string, { term: string; parts: string[] } | null>();

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
  if (!term || term.replace(ONLY_JOINERS, '') === '') return null;
  // Single letters of joined words ("l'", "e-") would match almost everything.
  const parts =
    normalisedPieces.length > 1 ? normalisedPieces.filter((p) => [...p].length > 1) : [];
  return { term, parts };
}

/** The raw word matches of a text, before normalisation (for memoised analysis). */
export function rawWords(text: string): IterableIterator<RegExpMatchArray> {
  return text.matchAll(TOKEN_RE);
}

/** Tokenises text into words (Unicode letters, marks and digits; joined by ' or -). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    const a = analyseRaw(raw);
    if (a) tokens.push({ start, end: start + raw.length, term: a.term, parts: [...a.parts] });
  }
  return tokens;
}
