// Read access to one segment's postings: term lookups, prefix and fuzzy expansions (Lunr's
// own fuzzy automaton, walked over the sorted term list as if it were a trie), weights and
// word positions.
import { FIELDS, TAG_MARK, type FieldName } from '../analysis/analyzer';
import { DEAD, fuzzyDfa, type FuzzyDfa } from '../query/fuzzy-dfa';
import { readRun, skipRun } from './positions';
import { FIELD_COUNT, type PostingData } from './postings';

const FIELD_NO: Record<FieldName, number> = Object.fromEntries(
  FIELDS.map((f, i) => [f, i]),
) as Record<FieldName, number>;

/** First index in sorted `terms` whose term is >= `key`, searching [lo, hi). */
function lowerBound(terms: readonly string[], key: string, lo = 0, hi = terms.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `term` starts with the first `n` characters of `of`. */
function sharesPrefix(term: string, of: string, n: number): boolean {
  if (term.length < n) return false;
  for (let k = n - 1; k >= 0; k--) if (term.charCodeAt(k) !== of.charCodeAt(k)) return false;
  return true;
}

/**
 * The first index from `from` on whose term does not start with the first `n` characters of
 * `of` (terms sharing a prefix are contiguous), galloping: the fuzzy walk's skips are mostly
 * short, and comparing in place allocates no key string per skip.
 */
function pastPrefix(terms: readonly string[], of: string, n: number, from: number): number {
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < terms.length && sharesPrefix(terms[hi]!, of, n)) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  hi = Math.min(hi, terms.length);
  // terms[lo] shares the prefix, terms[hi] (if any) does not.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (sharesPrefix(terms[mid]!, of, n)) lo = mid;
    else hi = mid;
  }
  return hi;
}

// Segments never change, so an expansion stays valid; typing a query repeats them.
const FUZZY_CACHE_LIMIT = 256;

export class PostingIndex {
  private readonly dfCache = new Map<string, number>();
  private readonly fuzzyCache = new Map<string, string[]>();

  constructor(readonly data: PostingData) {}

  /** Number of postings (a rough size, for memory accounting). */
  get postings(): number {
    return this.data.docs.length;
  }

  /**
   * Calls `visit(position, words, n)` for each document holding `term` in `field`, where
   * words[0..n) are its word positions there, ascending (`words` is reused between calls).
   */
  forEachPositions(
    term: string,
    field: FieldName,
    visit: (position: number, words: readonly number[], n: number) => void,
  ): void {
    const t = this.termNo(term);
    if (t < 0) return;
    const { offsets, docs, posOffsets, positions } = this.data;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    const cursor = { at: posOffsets[slot]! };
    const words: number[] = [];
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
      const n = readRun(positions, cursor, words);
      visit(docs[i]!, words, n);
    }
  }

  /** Word positions of `term` in `field` of the document at `doc` (its place in the segment). */
  positionsOf(term: string, field: FieldName, doc: number): number[] {
    const t = this.termNo(term);
    if (t < 0) return [];
    const { offsets, docs, posOffsets, positions } = this.data;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    const end = offsets[slot + 1]!;
    // A posting list is in document order, in built and in merged segments alike.
    let lo = offsets[slot]!;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= end || docs[lo] !== doc) return [];
    const cursor = { at: posOffsets[slot]! };
    for (let i = offsets[slot]!; i < lo; i++) skipRun(positions, cursor);
    const out: number[] = [];
    out.length = readRun(positions, cursor, out);
    return out;
  }

  /** Number of documents holding `term` in `field`. */
  docsInField(term: string, field: FieldName): number {
    const t = this.termNo(term);
    if (t < 0) return 0;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    return this.data.offsets[slot + 1]! - this.data.offsets[slot]!;
  }

  private termNo(term: string): number {
    const i = lowerBound(this.data.terms, term);
    return this.data.terms[i] === term ? i : -1;
  }

  has(term: string): boolean {
    return this.termNo(term) >= 0;
  }

  /** Lunr's "documents with term": postings summed over fields. */
  docsWithTerm(term: string): number {
    let n = this.dfCache.get(term);
    if (n !== undefined) return n;
    const t = this.termNo(term);
    const o = this.data.offsets;
    n = t < 0 ? 0 : o[(t + 1) * FIELD_COUNT]! - o[t * FIELD_COUNT]!;
    this.dfCache.set(term, n);
    return n;
  }

  /** Index terms starting with `prefix`. */
  expandPrefix(prefix: string): string[] {
    const { terms } = this.data;
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
      if (!terms[i]!.startsWith(TAG_MARK)) out.push(terms[i]!);
    }
    return out;
  }

  /** Index terms within `distance` edits of `word` (Lunr's fuzzy matching), memoised. */
  expandFuzzy(word: string, distance: number): string[] {
    const key = `${distance}\u0000${word}`;
    let out = this.fuzzyCache.get(key);
    if (!out) {
      out = this.walkFuzzy(fuzzyDfa(word, distance));
      if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) {
        this.fuzzyCache.delete(this.fuzzyCache.keys().next().value!);
      }
      this.fuzzyCache.set(key, out);
    }
    return out;
  }

  /** Walks the sorted terms as a trie, skipping every term under a dead prefix. */
  private walkFuzzy(dfa: FuzzyDfa): string[] {
    const { terms } = this.data;
    const stack: number[] = [dfa.start];
    const out: string[] = [];
    let prev = '';
    let i = lowerBound(terms, String.fromCharCode(TAG_MARK.charCodeAt(0) + 1));
    while (i < terms.length) {
      const t = terms[i]!;
      let depth = 0;
      const max = Math.min(prev.length, t.length, stack.length - 1);
      while (depth < max && prev.charCodeAt(depth) === t.charCodeAt(depth)) depth++;
      stack.length = depth + 1;
      let deadAt = -1;
      for (let k = depth; k < t.length; k++) {
        const next = dfa.step(stack[k]!, t[k]!);
        if (next === DEAD) {
          deadAt = k;
          break;
        }
        stack.push(next);
      }
      prev = t;
      if (deadAt >= 0) {
        // No term sharing this prefix can match: jump past all of them.
        stack.length = deadAt + 1;
        prev = t.slice(0, deadAt);
        i = pastPrefix(terms, t, deadAt + 1, i);
        continue;
      }
      if (dfa.isFinal(stack[t.length]!)) out.push(t);
      i++;
    }
    return out;
  }

  /**
   * Calls `visit(position, weight)` for each document holding `term` in `fields`, with the
   * weight before idf (field boost included); a document in several fields comes once each.
   */
  forEachPosting(
    term: string,
    fields: readonly FieldName[],
    visit: (position: number, weight: number) => void,
  ): void {
    const t = this.termNo(term);
    if (t < 0) return;
    const { offsets, docs, weights } = this.data;
    for (const f of fields) {
      const slot = t * FIELD_COUNT + FIELD_NO[f];
      for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) visit(docs[i]!, weights[i]!);
    }
  }
}
