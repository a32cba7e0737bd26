// Exact phrase matching on the word positions stored with the postings: no article is read.
// A document matches when, in one field, each phrase word has an index term at consecutive
// positions (a word matches a position when one of its variants, i.e. the word and its stems
// under the index languages, was indexed there).
import type { FieldName } from '../analysis/analyzer';
import type { PostingIndex } from '../segments/posting-index';

/** Word k's positions per document, shifted by -k (so they line up on phrase starts). */
function startsOf(
  index: PostingIndex,
  variants: readonly string[],
  k: number,
  field: FieldName,
  only: Map<number, Set<number>> | null,
): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const term of variants) {
    index.forEachPositions(term, field, (doc, words, n) => {
      if (only && !only.has(doc)) return;
      let set = out.get(doc);
      if (!set) out.set(doc, (set = new Set()));
      for (let i = 0; i < n; i++) set.add(words[i]! - k);
    });
  }
  return out;
}

/**
 * Positions (in the segment) of the documents holding the words next to each other, in
 * order, in one of `fields`. `words[k]` lists the index terms word k may match.
 */
export function phraseDocs(
  index: PostingIndex,
  words: readonly (readonly string[])[],
  fields: readonly FieldName[],
): Set<number> {
  const found = new Set<number>();
  if (words.length === 0) return found;
  for (const field of fields) {
    // Rarest word first: the candidate set only shrinks from there.
    const order = words
      .map((variants, k) => ({
        k,
        variants,
        df: variants.reduce((n, t) => n + index.docsInField(t, field), 0),
      }))
      .sort((a, b) => a.df - b.df);
    if (order[0]!.df === 0) continue;
    let starts: Map<number, Set<number>> | null = null;
    for (const { k, variants } of order) {
      const next = startsOf(index, variants, k, field, starts);
      if (starts) {
        for (const [doc, set] of next) {
          const keep = starts.get(doc)!;
          for (const s of set) if (!keep.has(s)) set.delete(s);
          if (set.size === 0) next.delete(doc);
        }
      }
      starts = next;
      if (starts.size === 0) break;
    }
    for (const doc of starts!.keys()) found.add(doc);
  }
  return found;
}
