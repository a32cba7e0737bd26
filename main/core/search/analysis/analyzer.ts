// Turns the fields of an article into the term lists Lunr indexes, and query words into the
// stems they may match. Both sides share tokenize() + normalizeWord() + stem().
import { hasStemmer, stem } from './stemmer';
import { analyseRaw, forEachHashedWord, rawWords, type Token } from './tokenizer';
import { SpanTable } from './span-table';
import { normalizeWord } from './normalize';
import type { IndexDoc } from '../types';
import { formCode, type WordVariant } from './word-form';

/** The Lunr fields, with the boost each gets: your own notes weigh more than the body. */
export const FIELDS = ['title', 'body', 'tags', 'place', 'note', 'highlight'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_BOOST: Record<FieldName, number> = {
  title: 3,
  body: 1,
  tags: 1,
  place: 1,
  note: 2,
  highlight: 1.5,
};

/** What `has:` may ask for, and the field holding its mark. */
export const HAS_FIELDS = { notes: 'note', highlights: 'highlight' } as const;
export type HasWhat = keyof typeof HAS_FIELDS;

/** Prefix of the one term per tag that `tag:` matches; no tokenizer ever produces it. */
export const TAG_MARK = '\u0001';

/** The index language for an article language: one with a stemmer, or "" (no stemming). */
export const stemLanguage = (lang: string | undefined): string =>
  lang && hasStemmer(lang) ? lang : '';

/** The term an article with notes (or highlights) carries in that field, for `has:`. */
export const hasTerm = (what: HasWhat): string => `${TAG_MARK}has:${what}`;

/** The exact-tag term for a tag name (case and spacing insensitive). */
export const tagTerm = (tag: string): string =>
  TAG_MARK + normalizeWord(tag.trim().replace(/\s+/g, ' '));

/** Every term a token contributes (whole word and its parts), stemmed under `lang`. */
export function tokenTerms(token: Token, lang: string): string[] {
  const out = [stem(token.term, lang)];
  for (const p of token.parts) out.push(stem(p, lang));
  return out;
}

/** A raw word's index terms and, for each, the code of the form it was written in. */
interface RawAnalysis {
  terms: readonly string[];
  forms: readonly number[];
}

const NO_WORD: RawAnalysis = { terms: [], forms: [] };

// Raw word → its index terms, per language. Normalising and stemming are most of the
// analysis cost and a few thousand distinct words make up most of any text; the table is
// looked up by a word's span in the text, so a whole article is analysed without a string per
// word.
const termMemo = new Map<string, SpanTable<RawAnalysis>>();

function wordTable(lang: string): SpanTable<RawAnalysis> {
  let table = termMemo.get(lang);
  if (!table) termMemo.set(lang, (table = new SpanTable((raw) => analyseUncached(raw, lang))));
  return table;
}

function analyseUncached(raw: string, lang: string): RawAnalysis {
  const a = analyseRaw(raw);
  if (!a) return NO_WORD;
  const terms = tokenTerms({ start: 0, end: 0, ...a }, lang);
  const written = [a.term, ...a.parts];
  return { terms, forms: terms.map((t, i) => formCode(written[i]!, t)) };
}

/** The terms and form codes of one raw word under `lang`; memoised. */
function analyseWord(raw: string, lang: string): RawAnalysis {
  return wordTable(lang).get(raw, 0, raw.length);
}

/** The index terms of one raw word under `lang` (none when it is no word); memoised. */
export function rawTerms(raw: string, lang: string): readonly string[] {
  return analyseWord(raw, lang).terms;
}

/** The form code of each of `rawTerms(raw, lang)` (see word-form.ts). */
export function rawForms(raw: string, lang: string): readonly number[] {
  return analyseWord(raw, lang).forms;
}

/** Index terms of a text under `lang`, repeated as often as they occur (for term frequency). */
export function textTerms(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(text)) for (const t of rawTerms(w.text, lang)) out.push(t);
  return out;
}

/**
 * Appends a text's index terms to `into`, with each one's word position (a word's parts
 * share its position, as in tokenize()) and form code; returns the next free position.
 */
function addTextTerms(text: string, lang: string, into: FieldTerms, start: number): number {
  let at = start;
  const words = wordTable(lang);
  forEachHashedWord(text, (from, to, hash) => {
    const { terms, forms } = words.getHashed(text, from, to, hash);
    if (terms.length === 0) return;
    for (let i = 0; i < terms.length; i++) {
      into.terms.push(terms[i]!);
      into.positions.push(at);
      into.forms.push(forms[i]!);
    }
    at++;
  });
  return at;
}

/** Position of a term that has none (the exact-tag term): phrases never match it. */
export const NO_POSITION = -1;

/** One field's terms, with the word position and form code of each. */
interface FieldTerms {
  terms: string[];
  positions: number[];
  forms: number[];
}

/** What a document looks like to Lunr: one term list per field, with word positions. */
export interface AnalyzedDoc {
  id: string;
  rev: number;
  lang: string;
  fields: Record<FieldName, string[]>;
  /** Word position of each term in `fields` (same order), for phrase matching. */
  positions: Record<FieldName, number[]>;
  /** Form code of each term in `fields` (same order): which written form stood there. */
  forms: Record<FieldName, number[]>;
}

const emptyField = (): FieldTerms => ({ terms: [], positions: [], forms: [] });

const field = (text: string | null, lang: string): FieldTerms => {
  const out = emptyField();
  if (text) addTextTerms(text, lang, out, 0);
  return out;
};

/**
 * A field of several texts (notes, highlighted passages): one position apart, so a phrase
 * never spans two of them, plus the `has:` mark when there is any text.
 */
function listField(texts: readonly string[] | undefined, lang: string, what: HasWhat): FieldTerms {
  const out = emptyField();
  let next = 0;
  for (const text of texts ?? []) next = addTextTerms(text, lang, out, next) + 1;
  if (out.terms.length > 0) {
    out.terms.push(hasTerm(what));
    out.positions.push(NO_POSITION);
    out.forms.push(0);
  }
  return out;
}

/** The tags field: each tag's words, then its exact-tag term. */
function tagsField(tagList: readonly string[], lang: string): FieldTerms {
  const tags = emptyField();
  let next = 0;
  for (const tag of tagList) {
    // A gap of one position between tags: a phrase must not span two tags.
    next = addTextTerms(tag, lang, tags, next) + 1;
    tags.terms.push(tagTerm(tag));
    tags.positions.push(NO_POSITION);
    tags.forms.push(0);
  }
  return tags;
}

/** Puts `tags` in place of an analysed article's tags (the rest of its analysis stands). */
export function retagAnalysis(doc: AnalyzedDoc, tags: readonly string[]): void {
  const field = tagsField(tags, doc.lang);
  doc.fields.tags = field.terms;
  doc.positions.tags = field.positions;
  doc.forms.tags = field.forms;
}

/** Analyses one article for indexing. */
export function analyzeDoc(doc: IndexDoc): AnalyzedDoc {
  const lang = stemLanguage(doc.language);
  const tags = tagsField(doc.tags, lang);
  const title = field(doc.title, lang);
  const body = field(doc.body, lang);
  const place = field(doc.place, lang);
  const note = listField(doc.notes, lang, 'notes');
  const highlight = listField(doc.highlights, lang, 'highlights');
  return {
    id: doc.id,
    rev: doc.rev,
    lang,
    fields: {
      title: title.terms,
      body: body.terms,
      tags: tags.terms,
      place: place.terms,
      note: note.terms,
      highlight: highlight.terms,
    },
    positions: {
      title: title.positions,
      body: body.positions,
      tags: tags.positions,
      place: place.positions,
      note: note.positions,
      highlight: highlight.positions,
    },
    forms: {
      title: title.forms,
      body: body.forms,
      tags: tags.forms,
      place: place.forms,
      note: note.forms,
      highlight: highlight.forms,
    },
  };
}

/** The index terms a normalised query word may match: its stems under each language present. */
export function expandWord(word: string, languages: Iterable<string>): string[] {
  const out = new Set<string>([word]);
  for (const lang of languages) out.add(stem(word, lang));
  return [...out];
}

/**
 * What a quoted (normalised) word matches: each index term it may stand under, written as
 * itself there, not as another form of the same stem.
 */
export function exactVariants(word: string, languages: Iterable<string>): WordVariant[] {
  return expandWord(word, languages).map((term) => ({ term, form: formCode(word, term) }));
}
