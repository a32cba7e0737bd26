// Which words of a hit's title and body the query matched, for its snippet and title marks.
// Two ways, same answer: read from the word positions the index stores (a page of snippets
// then needs no stemming of the hits' texts: stemming every distinct word of 20 Arabic
// articles was most of a search's time at 100,000 articles), or, when the query stands for
// so many index terms that looking each one up per hit costs more, by reading the text's
// words and their index terms (memoised) once. Either way only the opening of a text is
// looked at, so a hit in a 10 MB article costs what one in a normal article does.
import { expandWord, rawForms, rawTerms } from '../analysis/analyzer';
import type { WordVariant } from '../analysis/word-form';
import { phraseVariants } from './phrase-variants';
import type { PostingIndex } from '../segments/posting-index';
import type { Clause, TermClause } from './query-parser';
import { analyseRaw, rawWords } from '../analysis/tokenizer';
import type { TextRange } from '../../../contract/types';

/** Word positions (as the analyser numbers them) of the matches in the two shown fields. */
export interface MatchedWords {
  title: number[];
  body: number[];
}

/** Match ranges in the two shown fields. */
export interface MatchedRanges {
  title: TextRange[];
  body: TextRange[];
}

/**
 * Words of a text looked at for a snippet: matches past them are not shown (Lucene's
 * highlighter stops at 51,200 characters for the same reason); 10,000 words are 50–70 KB
 * of prose.
 */
export const SNIPPET_WORDS = 10_000;
/** Characters of a text looked at for a snippet (a run of separators counts too). */
export const SNIPPET_CHARS = 100_000;
/**
 * Index terms up to which a hit's matches are read from the postings (a lookup each, per
 * field); past it the text is read instead. 32 expanded prefixes stand for 1,024 terms:
 * their lookups cost ~0.7 s a page at 100,000 articles, reading the 20 texts' openings a few ms.
 */
export const POSITION_LOOKUPS = 128;

type Shown = 'title' | 'body';
const SHOWN: readonly Shown[] = ['title', 'body'];

/** What to look for in one field: single terms, and phrases as lists of per-word variants. */
export interface FieldPlan {
  terms: Set<string>;
  phrases: (readonly WordVariant[])[][];
}

/** The index terms the query's positive words stand for, per shown field. */
export interface SnippetPlan {
  title: FieldPlan;
  body: FieldPlan;
  /** Distinct index terms over both fields (the lookups reading positions would cost). */
  lookups: number;
}

/**
 * The plan for a query's clauses: each word's variants (the word and its stems), or for
 * prefix and fuzzy words the index terms `expand` gives (those the search itself used).
 */
export function snippetPlan(
  clauses: readonly Clause[],
  languages: readonly string[],
  expand: (clause: TermClause) => string[],
): SnippetPlan {
  const plan: SnippetPlan = {
    title: { terms: new Set(), phrases: [] },
    body: { terms: new Set(), phrases: [] },
    lookups: 0,
  };
  for (const c of clauses) {
    if (c.presence === 'prohibited' || c.kind === 'tag' || c.kind === 'has') continue;
    if (c.kind === 'collection' || c.kind === 'date' || c.kind === 'name') continue;
    const fields = SHOWN.filter((f) => !c.fields || c.fields.includes(f));
    if (c.kind === 'phrase') {
      const words = phraseVariants(c, languages);
      for (const f of fields) plan[f].phrases.push(words);
      continue;
    }
    const terms = c.prefix || c.fuzzy > 0 ? expand(c) : expandWord(c.word, languages);
    for (const f of fields) for (const t of terms) plan[f].terms.add(t);
  }
  for (const f of SHOWN) {
    plan.lookups += plan[f].terms.size;
    for (const words of plan[f].phrases) for (const w of words) plan.lookups += w.length;
  }
  return plan;
}

/** The matched word positions (below SNIPPET_WORDS) of the document at `doc` in a segment. */
export function matchedWords(index: PostingIndex, doc: number, plan: SnippetPlan): MatchedWords {
  const found = { title: new Set<number>(), body: new Set<number>() };
  for (const f of SHOWN) {
    for (const t of plan[f].terms)
      for (const p of shownPositions(index, t, f, doc)) found[f].add(p);
    for (const words of plan[f].phrases) {
      addPhrase(found[f], words, (v) => shownPositions(index, v.term, f, doc, v.form));
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { title: sorted(found.title), body: sorted(found.body) };
}

/** Positions of a term below SNIPPET_WORDS (a huge article holds a word 100,000 times). */
function shownPositions(
  index: PostingIndex,
  term: string,
  field: Shown,
  doc: number,
  form: number | null = null,
): number[] {
  const all = index.positionsOf(term, field, doc, SNIPPET_WORDS, form);
  let n = all.length;
  while (n > 0 && all[n - 1]! >= SNIPPET_WORDS) n--;
  all.length = n;
  return all;
}

/** Adds the positions of every place where the phrase's words stand next to each other. */
function addPhrase(
  into: Set<number>,
  words: readonly (readonly WordVariant[])[],
  positionsOf: (variant: WordVariant) => number[],
): void {
  const sets = words.map((variants) => new Set(variants.flatMap(positionsOf)));
  if (sets.length === 0) return;
  for (const start of sets[0]!) {
    if (!sets.every((set, k) => set.has(start + k))) continue;
    for (let k = 0; k < sets.length; k++) into.add(start + k);
  }
}

/**
 * The analysed words of a text's opening: where each is, and its index terms (with their form
 * codes) under `lang`.
 */
function openingWords(
  text: string,
  lang: string,
): { ranges: TextRange[]; terms: (readonly string[])[]; forms: (readonly number[])[] } {
  const ranges: TextRange[] = [];
  const terms: (readonly string[])[] = [];
  const forms: (readonly number[])[] = [];
  const cut = text.length > SNIPPET_CHARS;
  for (const w of rawWords(cut ? text.slice(0, SNIPPET_CHARS) : text)) {
    // A word cut by the character cap is not this word.
    if (cut && w.index + w.text.length >= SNIPPET_CHARS) break;
    const ts = rawTerms(w.text, lang);
    if (ts.length === 0) continue;
    ranges.push({ start: w.index, end: w.index + w.text.length });
    terms.push(ts);
    forms.push(rawForms(w.text, lang));
    if (ranges.length >= SNIPPET_WORDS) break;
  }
  return { ranges, terms, forms };
}

/**
 * The ranges of the words of `text` (its opening) matched by a field's plan, read from the
 * text: a word matches when one of its index terms under `lang` (the article's stemming
 * language, as it was indexed) is a planned term, or it stands in a planned phrase.
 */
export function scanMatches(text: string, lang: string, plan: FieldPlan): TextRange[] {
  if (plan.terms.size === 0 && plan.phrases.length === 0) return [];
  const { ranges, terms, forms } = openingWords(text, lang);
  const hit = new Uint8Array(ranges.length);
  for (let i = 0; i < ranges.length; i++) if (terms[i]!.some((t) => plan.terms.has(t))) hit[i] = 1;
  // Word i is one of `variants` when one of its terms is, written in the variant's form.
  const is = (i: number, variants: readonly WordVariant[]): boolean =>
    terms[i]!.some((t, j) =>
      variants.some((v) => v.term === t && (v.form === null || v.form === forms[i]![j])),
    );
  for (const words of plan.phrases) {
    for (let i = 0; i + words.length <= ranges.length; i++) {
      let k = 0;
      while (k < words.length && is(i + k, words[k]!)) k++;
      if (k === words.length) hit.fill(1, i, i + words.length);
    }
  }
  return ranges.filter((_, i) => hit[i] === 1);
}

/**
 * The text ranges of the words at these positions (positions past the text are ignored);
 * only the first SNIPPET_CHARS characters are looked at.
 */
export function rangesOfWords(text: string, positions: readonly number[]): TextRange[] {
  if (positions.length === 0) return [];
  const wanted = new Set(positions);
  let last = 0;
  for (const p of positions) if (p > last) last = p;
  const out: TextRange[] = [];
  // Numbered as the analyser numbers words (every token that normalises to something); the
  // text after the last match is not looked at. A word cut by the character cap is dropped.
  const cut = text.length > SNIPPET_CHARS;
  let at = 0;
  for (const w of rawWords(cut ? text.slice(0, SNIPPET_CHARS) : text)) {
    if (cut && w.index + w.text.length >= SNIPPET_CHARS) break;
    if (!analyseRaw(w.text)) continue;
    if (wanted.has(at)) out.push({ start: w.index, end: w.index + w.text.length });
    if (++at > last) break;
  }
  return out;
}
