// Which words of a hit's title and body the query matched, read from the word positions the
// index stores: a page of snippets then needs no stemming of the hits' texts (stemming every
// distinct word of 20 Arabic articles was most of a search's time at 100,000 articles).
import { expandWord } from '../analysis/analyzer';
import type { PostingIndex } from '../segments/posting-index';
import type { Clause } from './query-parser';
import { analyseRaw, rawWords } from '../analysis/tokenizer';
import type { TextRange } from '../../../contract/types';

/** Word positions (as the analyser numbers them) of the matches in the two shown fields. */
export interface MatchedWords {
  title: number[];
  body: number[];
}

const SHOWN: readonly ('title' | 'body')[] = ['title', 'body'];

/** The matched word positions of the document at `doc` in a segment's postings. */
export function matchedWords(
  index: PostingIndex,
  doc: number,
  clauses: readonly Clause[],
  languages: readonly string[],
): MatchedWords {
  const found = { title: new Set<number>(), body: new Set<number>() };
  for (const c of clauses) {
    if (c.presence === 'prohibited' || c.kind === 'tag') continue;
    const fields = SHOWN.filter((f) => !c.fields || c.fields.includes(f));
    if (c.kind === 'phrase') {
      const words = c.words.map((w) => expandWord(w, languages));
      for (const f of fields) addPhrase(found[f], words, (t) => index.positionsOf(t, f, doc));
      continue;
    }
    const terms = c.prefix
      ? index.expandPrefix(c.word)
      : c.fuzzy > 0
        ? [...new Set(expandWord(c.word, languages).flatMap((v) => index.expandFuzzy(v, c.fuzzy)))]
        : expandWord(c.word, languages);
    for (const f of fields) {
      for (const t of terms) for (const p of index.positionsOf(t, f, doc)) found[f].add(p);
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { title: sorted(found.title), body: sorted(found.body) };
}

/** Adds the positions of every place where the phrase's words stand next to each other. */
function addPhrase(
  into: Set<number>,
  words: readonly (readonly string[])[],
  positionsOf: (term: string) => number[],
): void {
  const sets = words.map((variants) => new Set(variants.flatMap(positionsOf)));
  if (sets.length === 0) return;
  for (const start of sets[0]!) {
    if (!sets.every((set, k) => set.has(start + k))) continue;
    for (let k = 0; k < sets.length; k++) into.add(start + k);
  }
}

/** The text ranges of the words at these positions (positions past the text are ignored). */
export function rangesOfWords(text: string, positions: readonly number[]): TextRange[] {
  if (positions.length === 0) return [];
  const wanted = new Set(positions);
  const last = Math.max(...positions);
  const out: TextRange[] = [];
  // Numbered as the analyser numbers words (every token that normalises to something); the
  // text after the last match is not looked at.
  let at = 0;
  for (const w of rawWords(text)) {
    if (!analyseRaw(w.text)) continue;
    if (wanted.has(at)) out.push({ start: w.index, end: w.index + w.text.length });
    if (++at > last) break;
  }
  return out;
}
