// Deciding whether one token of a text matches one query word, with the same normalisation
// and stemming as the index; used for phrase checks and highlights.
import { expandWord, tokenTerms } from './analyzer';
import { hasStemmer, stem } from './stemmer';
import type { Token } from './tokenizer';

/** How a query word matches: any form of its stems, a prefix, within an edit distance, or as written. */
export interface WordMatcher {
  word: string;
  variants: Set<string>;
  prefix: boolean;
  fuzzy: number;
  /** Quoted: the token (or one of its parts) must be the word itself, not another form. */
  exact: boolean;
}

/** A matcher for a query word under the given stemming languages. */
export function wordMatcher(
  word: string,
  languages: Iterable<string>,
  prefix = false,
  fuzzy = 0,
): WordMatcher {
  return { word, variants: new Set(expandWord(word, languages)), prefix, fuzzy, exact: false };
}

/** A matcher for a quoted word: the word as written (normalised, not stemmed). */
export function exactMatcher(word: string): WordMatcher {
  return { word, variants: new Set([word]), prefix: false, fuzzy: 0, exact: true };
}

/** True when the token matches the query word (`forms` being tokenForms of it). */
export function tokenMatches(token: Token, forms: ReadonlySet<string>, m: WordMatcher): boolean {
  return m.exact ? token.term === m.word || token.parts.includes(m.word) : formsMatch(forms, m);
}

// (languages, word) → forms. Highlights and phrase checks stem every token of a text under
// every index language; the memo turns that into one lookup for words seen before.
const FORMS_LIMIT = 100_000;
const formsMemo = new Map<string, Map<string, ReadonlySet<string>>>();

/** Every form of a token worth comparing: whole word, parts, and their stems (do not modify). */
export function tokenForms(token: Token, languages: readonly string[]): ReadonlySet<string> {
  const langKey = languages.join(',');
  let memo = formsMemo.get(langKey);
  if (!memo) formsMemo.set(langKey, (memo = new Map()));
  const key = token.parts.length ? `${token.term}\u0000${token.parts.join('\u0000')}` : token.term;
  let forms = memo.get(key);
  if (!forms) {
    const set = new Set<string>([token.term, ...token.parts]);
    for (const lang of languages) {
      if (hasStemmer(lang)) for (const t of tokenTerms(token, lang)) set.add(t);
    }
    if (memo.size >= FORMS_LIMIT) memo.clear();
    memo.set(key, set);
    forms = set;
  }
  return forms;
}

// Three reusable rows: fuzzy highlights compare every distinct word of a page with each
// variant, and allocating rows per comparison was most of that time.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, or
 * swap two neighbours; the rule the index's fuzzy search uses), giving up (returning
 * max + 1) once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
    rowC = new Int32Array(b.length * 2 + 1);
  }
  let before = rowC;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A swap reaches back two rows, but a row all over `max` means the row before had no
    // cell under `max` (else a substitution would have kept this one within it).
    if (rowMin > max) return max + 1;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** True when some form of a token matches the query word. */
export function formsMatch(forms: ReadonlySet<string>, m: WordMatcher): boolean {
  for (const f of forms) {
    if (m.variants.has(f)) return true;
    if (m.prefix && f.startsWith(m.word)) return true;
    if (m.fuzzy > 0) {
      for (const v of m.variants) if (editDistance(f, v, m.fuzzy) <= m.fuzzy) return true;
    }
  }
  return false;
}

/** Start indexes of every run of tokens matching `words` in order. */
export function phraseStarts(
  forms: readonly ReadonlySet<string>[],
  words: WordMatcher[],
): number[] {
  const starts: number[] = [];
  for (let i = 0; i + words.length <= forms.length; i++) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = formsMatch(forms[i + k]!, words[k]!);
    if (ok) starts.push(i);
  }
  return starts;
}

/** The stemming languages to compare a text under: its own, or every one in the index. */
export function textLanguages(lang: string | undefined, indexLanguages: string[]): string[] {
  return lang && hasStemmer(lang) ? [lang] : indexLanguages;
}

export { stem };
