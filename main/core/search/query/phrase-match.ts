// Exact phrase matching on the word positions stored with the postings: no article is read.
// A document matches when, in one field, each phrase word has an index term at consecutive
// positions (a word matches a position when one of its variants, i.e. the word and its stems
// under the index languages, was indexed there; for a quoted word, written in its form).
import type { FieldName } from '../analysis/analyzer';
import type { PostingIndex } from '../segments/posting-index';
import type { WordVariant } from '../analysis/word-form';
import { unlimitedBudget, type QueryBudget } from './query-budget';

/** Per candidate document, the phrase starts still possible there (ascending). */
type Starts = Map<number, number[]>;

// Reading one document's positions from a checkpoint decodes about this many runs.
const RANDOM_ACCESS_COST = 40;
// Work is reported to the budget in chunks this big, so a long posting list is stopped early.
const CHUNK = 4096;

/** Reports `work` to the budget (which may stop the query); returns the work left to report. */
function spent(budget: QueryBudget, work: number): number {
  budget.spend(work);
  return 0;
}

/** Sorted union of ascending lists, without repeats. */
function union(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((v, i) => i === 0 || v !== all[i - 1]);
}

/** Values of ascending `a` also in ascending `b`. */
function common(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const v of a) {
    while (j < b.length && b[j]! < v) j++;
    if (j < b.length && b[j] === v) out.push(v);
  }
  return out;
}

/** Word k's positions, shifted by -k, per document holding one of its variants. */
function allStarts(
  index: PostingIndex,
  variants: readonly WordVariant[],
  k: number,
  field: FieldName,
  budget: QueryBudget,
): Starts {
  const lists = new Map<number, number[][]>();
  for (const { term, form } of variants) {
    let work = 0;
    index.forEachPositions(
      term,
      field,
      (doc, words, n) => {
        const shifted = new Array<number>(n);
        for (let i = 0; i < n; i++) shifted[i] = words[i]! - k;
        const got = lists.get(doc);
        if (got) got.push(shifted);
        else lists.set(doc, [shifted]);
        work += n + 1;
        if (work >= CHUNK) work = spent(budget, work);
      },
      form,
    );
    budget.spend(work);
  }
  const out: Starts = new Map();
  for (const [doc, l] of lists) out.set(doc, union(l));
  return out;
}

/** The candidates of `starts` where word k (one of `variants`) stands at start + k. */
function narrow(
  index: PostingIndex,
  variants: readonly WordVariant[],
  k: number,
  field: FieldName,
  starts: Starts,
  budget: QueryBudget,
): Starts {
  const postings = variants.reduce((n, v) => n + index.docsInField(v.term, field), 0);
  let found: Starts;
  if (starts.size * RANDOM_ACCESS_COST < postings) {
    // Few candidates left: read just their positions.
    found = new Map();
    for (const doc of starts.keys()) {
      const lists: number[][] = [];
      for (const { term, form } of variants) {
        const words = index.positionsOf(term, field, doc, Infinity, form);
        budget.spend(RANDOM_ACCESS_COST + words.length);
        if (words.length > 0) lists.push(words.map((p) => p - k));
      }
      if (lists.length > 0) found.set(doc, union(lists));
    }
  } else {
    found = new Map();
    const lists = new Map<number, number[][]>();
    for (const { term, form } of variants) {
      let work = 0;
      index.forEachPositions(
        term,
        field,
        (doc, words, n) => {
          work += n + 1;
          if (work >= CHUNK) work = spent(budget, work);
          if (!starts.has(doc)) return;
          const shifted = new Array<number>(n);
          for (let i = 0; i < n; i++) shifted[i] = words[i]! - k;
          const got = lists.get(doc);
          if (got) got.push(shifted);
          else lists.set(doc, [shifted]);
        },
        form,
      );
      budget.spend(work);
    }
    for (const [doc, l] of lists) found.set(doc, union(l));
  }
  const out: Starts = new Map();
  for (const [doc, positions] of found) {
    const kept = common(starts.get(doc)!, positions);
    if (kept.length > 0) out.set(doc, kept);
  }
  return out;
}

/**
 * Positions (in the segment) of the documents holding the words next to each other, in
 * order, in one of `fields`. `words[k]` lists the index terms (and forms) word k may match.
 */
export function phraseDocs(
  index: PostingIndex,
  words: readonly (readonly WordVariant[])[],
  fields: readonly FieldName[],
  budget: QueryBudget = unlimitedBudget(),
): Set<number> {
  const found = new Set<number>();
  if (words.length === 0) return found;
  for (const field of fields) {
    // Rarest word first: the candidate set only shrinks from there.
    const order = words
      .map((variants, k) => ({
        k,
        variants,
        df: variants.reduce((n, v) => n + index.docsInField(v.term, field), 0),
      }))
      .sort((a, b) => a.df - b.df);
    if (order[0]!.df === 0) continue;
    let starts: Starts | null = null;
    for (const { k, variants } of order) {
      starts =
        starts === null
          ? allStarts(index, variants, k, field, budget)
          : narrow(index, variants, k, field, starts, budget);
      if (starts.size === 0) break;
    }
    for (const doc of starts!.keys()) found.add(doc);
  }
  return found;
}
