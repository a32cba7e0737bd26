// Turns the fields of an article into the term lists Lunr indexes, and query words into the
// stems they may match. Both sides share tokenize() + normalizeWord() + stem().
import { hasStemmer, stem } from './stemmer';
import { analyseRaw, rawWords, type Token } from './tokenizer';
import { normalizeWord } from './normalize';
import type { IndexDoc } from '../types';

/** The Lunr fields, with the boost the title gets. */
export const FIELDS = ['title', 'body', 'tags', 'place'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_BOOST: Record<FieldName, number> = { title: 3, body: 1, tags: 1, place: 1 };

/** Prefix of the one term per tag that `tag:` matches; no tokenizer ever produces it. */
export const TAG_MARK = '\u0001';

/** The index language for an article language: one with a stemmer, or "" (no stemming). */
export const stemLanguage = (lang: string | undefined): string =>
  lang && hasStemmer(lang) ? lang : '';

/** The exact-tag term for a tag name (case and spacing insensitive). */
export const tagTerm = (tag: string): string =>
  TAG_MARK + normalizeWord(tag.trim().replace(/\s+/g, ' '));

/** Every term a token contributes (whole word and its parts), stemmed under `lang`. */
export function tokenTerms(token: Token, lang: string): string[] {
  const out = [stem(token.term, lang)];
  for (const p of token.parts) out.push(stem(p, lang));
  return out;
}

// Raw word → its index terms, per language. Normalising and stemming are most of the
// analysis cost and a few thousand distinct words make up most of any text.
const MEMO_LIMIT = 100_000;
const termMemo = new Map<string, Map<string, readonly string[]>>();

/** The index terms of one raw word under `lang` (none when it is no word); memoised. */
export function rawTerms(raw: string, lang: string): readonly string[] {
  let memo = termMemo.get(lang);
  if (!memo) termMemo.set(lang, (memo = new Map()));
  let terms = memo.get(raw);
  if (terms === undefined) {
    const a = analyseRaw(raw);
    terms = a ? tokenTerms({ start: 0, end: 0, ...a }, lang) : [];
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(raw, terms);
  }
  return terms;
}

/** Index terms of a text under `lang`, repeated as often as they occur (for term frequency). */
export function textTerms(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(text)) for (const t of rawTerms(w.text, lang)) out.push(t);
  return out;
}

/**
 * Appends a text's index terms to `terms` and each one's word position to `positions`
 * (a word's parts share its position, as in tokenize()); returns the next free position.
 */
function addTextTerms(
  text: string,
  lang: string,
  terms: string[],
  positions: number[],
  start: number,
): number {
  let at = start;
  for (const w of rawWords(text)) {
    const ts = rawTerms(w.text, lang);
    if (ts.length === 0) continue;
    for (const t of ts) {
      terms.push(t);
      positions.push(at);
    }
    at++;
  }
  return at;
}

/** Position of a term that has none (the exact-tag term): phrases never match it. */
export const NO_POSITION = -1;

/** What a document looks like to Lunr: one term list per field, with word positions. */
export interface AnalyzedDoc {
  id: string;
  rev: number;
  lang: string;
  fields: Record<FieldName, string[]>;
  /** Word position of each term in `fields` (same order), for phrase matching. */
  positions: Record<FieldName, number[]>;
}

const field = (text: string | null, lang: string): { terms: string[]; positions: number[] } => {
  const terms: string[] = [];
  const positions: number[] = [];
  if (text) addTextTerms(text, lang, terms, positions, 0);
  return { terms, positions };
};

/** Analyses one article for indexing. */
export function analyzeDoc(doc: IndexDoc): AnalyzedDoc {
  const lang = stemLanguage(doc.language);
  const tags: string[] = [];
  const tagPositions: number[] = [];
  let next = 0;
  for (const tag of doc.tags) {
    // A gap of one position between tags: a phrase must not span two tags.
    next = addTextTerms(tag, lang, tags, tagPositions, next) + 1;
    tags.push(tagTerm(tag));
    tagPositions.push(NO_POSITION);
  }
  const title = field(doc.title, lang);
  const body = field(doc.body, lang);
  const place = field(doc.place, lang);
  return {
    id: doc.id,
    rev: doc.rev,
    lang,
    fields: { title: title.terms, body: body.terms, tags, place: place.terms },
    positions: {
      title: title.positions,
      body: body.positions,
      tags: tagPositions,
      place: place.positions,
    },
  };
}

/** The index terms a normalised query word may match: its stems under each language present. */
export function expandWord(word: string, languages: Iterable<string>): string[] {
  const out = new Set<string>([word]);
  for (const lang of languages) out.add(stem(word, lang));
  return [...out];
}
