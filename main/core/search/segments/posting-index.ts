// Read access to one segment's postings: term lookups, prefix and fuzzy expansions (edit-table
// rows walked over the sorted term list as if it were a trie), weights and word positions.
import { FIELDS, TAG_MARK, type FieldName } from '../analysis/analyzer';
import { EditRows } from '../query/edit-rows';
import { readForms, readRun, skipRun } from './positions';
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
// Positions of a long posting list are found from a checkpoint every this many postings
// (built on first use), not by decoding every run before them.
const CHECKPOINT_EVERY = 64;
const CHECKPOINT_MIN = 256;
const CHECKPOINT_CACHE_LIMIT = 4096;

/** Index terms within some edits of a word, from one segment's term list. */
export interface FuzzyTerms {
  /** Term numbers (into the sorted terms), ascending. */
  terms: number[];
  /** Edit distance of each. */
  distances: number[];
  /** Edit-table rows computed (the walk's work). */
  rows: number;
  /** False when the walk stopped at its row limit: terms past that point were not looked at. */
  complete: boolean;
}

export class PostingIndex {
  private readonly dfCache = new Map<string, number>();
  private readonly fuzzyCache = new Map<string, FuzzyTerms>();
  private readonly checkpoints = new Map<number, Uint32Array>();

  /**
   * `fetch(t)`: for postings read on demand (lazy-postings.ts), makes sure term number t's
   * documents, weights and positions are in `data` before they are read.
   */
  constructor(
    readonly data: PostingData,
    private readonly fetch?: (t: number) => void,
  ) {}

  /** Number of postings (a rough size, for memory accounting). */
  get postings(): number {
    return this.data.docs.length;
  }

  /**
   * Calls `visit(position, words, n)` for each document holding `term` in `field`, where
   * words[0..n) are its word positions there, ascending (`words` is reused between calls).
   * With a `form` (word-form.ts), only positions written in that form count, and documents
   * with none are skipped.
   */
  forEachPositions(
    term: string,
    field: FieldName,
    visit: (position: number, words: readonly number[], n: number) => void,
    form: number | null = null,
  ): void {
    const t = this.termNumber(term);
    if (t < 0) return;
    this.fetch?.(t);
    const { offsets, docs, posOffsets, positions } = this.data;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    const cursor = { at: posOffsets[slot]! };
    const words: number[] = [];
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
      const n = readRun(positions, cursor, words, Infinity, form);
      if (n > 0 || form === null) visit(docs[i]!, words, n);
    }
  }

  /**
   * Word positions of `term` in `field` of the document at `doc` (its place in the segment),
   * at most `limit` of them (the first ones); with a `form`, only those written in that form.
   */
  positionsOf(
    term: string,
    field: FieldName,
    doc: number,
    limit = Infinity,
    form: number | null = null,
  ): number[] {
    const t = this.termNumber(term);
    if (t < 0) return [];
    this.fetch?.(t);
    const { offsets, docs, positions } = this.data;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    const begin = offsets[slot]!;
    const end = offsets[slot + 1]!;
    // A posting list is in document order, in built and in merged segments alike.
    let lo = begin;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= end || docs[lo] !== doc) return [];
    const cursor = this.cursorAt(slot, lo);
    const out: number[] = [];
    out.length = readRun(positions, cursor, out, limit, form);
    return out;
  }

  /**
   * How often each written form (word-form.ts) stands at `term`'s positions in `field`, over
   * its first `postings` postings: which spelling of a stem the articles use.
   */
  formCounts(term: string, field: FieldName, postings: number): Map<number, number> {
    const counts = new Map<number, number>();
    const t = this.termNumber(term);
    if (t < 0) return counts;
    this.fetch?.(t);
    const { offsets, posOffsets, positions } = this.data;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    const cursor = { at: posOffsets[slot]! };
    const end = Math.min(offsets[slot + 1]!, offsets[slot]! + postings);
    const count = (form: number) => counts.set(form, (counts.get(form) ?? 0) + 1);
    for (let i = offsets[slot]!; i < end; i++) readForms(positions, cursor, count);
    return counts;
  }

  /** A cursor on the positions run of posting `at` of `slot`, from the nearest checkpoint. */
  private cursorAt(slot: number, at: number): { at: number } {
    const { offsets, posOffsets, positions } = this.data;
    const begin = offsets[slot]!;
    const cursor = { at: posOffsets[slot]! };
    let from = begin;
    if (at - begin >= CHECKPOINT_EVERY && offsets[slot + 1]! - begin >= CHECKPOINT_MIN) {
      const marks = this.checkpointsOf(slot);
      const k = Math.floor((at - begin) / CHECKPOINT_EVERY);
      cursor.at = marks[k]!;
      from = begin + k * CHECKPOINT_EVERY;
    }
    for (let i = from; i < at; i++) skipRun(positions, cursor);
    return cursor;
  }

  /** Byte offsets of the runs of postings 0, 64, 128… of a slot (one pass, then cached). */
  private checkpointsOf(slot: number): Uint32Array {
    let marks = this.checkpoints.get(slot);
    if (marks) return marks;
    const { offsets, posOffsets, positions } = this.data;
    const begin = offsets[slot]!;
    const count = offsets[slot + 1]! - begin;
    marks = new Uint32Array(Math.ceil(count / CHECKPOINT_EVERY));
    const cursor = { at: posOffsets[slot]! };
    for (let i = 0; i < count; i++) {
      if (i % CHECKPOINT_EVERY === 0) marks[i / CHECKPOINT_EVERY] = cursor.at;
      skipRun(positions, cursor);
    }
    if (this.checkpoints.size >= CHECKPOINT_CACHE_LIMIT) this.checkpoints.clear();
    this.checkpoints.set(slot, marks);
    return marks;
  }

  /** Number of documents holding `term` in `field`. */
  docsInField(term: string, field: FieldName): number {
    const t = this.termNumber(term);
    if (t < 0) return 0;
    const slot = t * FIELD_COUNT + FIELD_NO[field];
    return this.data.offsets[slot + 1]! - this.data.offsets[slot]!;
  }

  /** The number of `term` (its place in the sorted terms), or -1 when absent. */
  termNumber(term: string): number {
    const i = lowerBound(this.data.terms, term);
    return this.data.terms[i] === term ? i : -1;
  }

  has(term: string): boolean {
    return this.termNumber(term) >= 0;
  }

  /** Lunr's "documents with term": postings summed over fields. */
  docsWithTerm(term: string): number {
    let n = this.dfCache.get(term);
    if (n !== undefined) return n;
    const t = this.termNumber(term);
    const o = this.data.offsets;
    n = t < 0 ? 0 : o[(t + 1) * FIELD_COUNT]! - o[t * FIELD_COUNT]!;
    this.dfCache.set(term, n);
    return n;
  }

  /** The term with number `t` (its place in the sorted terms). */
  termAt(t: number): string {
    return this.data.terms[t]!;
  }

  /** Lunr's "documents with term" for term number `t`. */
  docsAt(t: number): number {
    const o = this.data.offsets;
    return o[(t + 1) * FIELD_COUNT]! - o[t * FIELD_COUNT]!;
  }

  /** Term numbers [from, to) of the terms starting with `prefix` (tag terms excluded). */
  prefixRange(prefix: string): { from: number; to: number } {
    const { terms } = this.data;
    const from = lowerBound(terms, prefix);
    // Terms starting with the prefix are contiguous from `from` on.
    let lo = from;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return { from, to: lo };
  }

  /** Index terms starting with `prefix`. */
  expandPrefix(prefix: string): string[] {
    const { from, to } = this.prefixRange(prefix);
    return this.data.terms.slice(from, to).filter((t) => !t.startsWith(TAG_MARK));
  }

  /** Index terms within `distance` edits of `word` (Damerau–Levenshtein, as in highlights). */
  expandFuzzy(word: string, distance: number): string[] {
    return this.fuzzyTerms(word, distance).terms.map((t) => this.data.terms[t]!);
  }

  /**
   * Term numbers within `distance` edits of `word`, with their distances; the walk stops after
   * about `maxRows` edit-table rows (complete: false). Terms sharing the word's first letter
   * are walked first: most near misses do, so a walk cut short has still looked at them.
   * Complete answers are memoised.
   */
  fuzzyTerms(word: string, distance: number, maxRows = Infinity): FuzzyTerms {
    const key = `${distance}\u0000${word}`;
    // A memoised answer reports the rows its walk took, so that a query's limits cut the
    // same words short whatever was asked before.
    const cached = this.fuzzyCache.get(key);
    if (cached && cached.rows <= maxRows) return cached;
    const table = new EditRows(word, distance);
    const out: FuzzyTerms = { terms: [], distances: [], rows: 0, complete: true };
    const start = lowerBound(this.data.terms, String.fromCharCode(TAG_MARK.charCodeAt(0) + 1));
    const first = word.length > 0 ? this.prefixRange(word[0]!) : { from: start, to: start };
    for (const [from, to] of [
      [first.from, first.to],
      [start, first.from],
      [first.to, this.data.terms.length],
    ] as const) {
      if (from < to && !this.walkFuzzy(table, from, to, maxRows, out)) break;
    }
    if (out.complete) {
      const sorted = out.terms.map((t, i) => [t, out.distances[i]!] as const);
      sorted.sort((a, b) => a[0] - b[0]);
      out.terms = sorted.map(([t]) => t);
      out.distances = sorted.map(([, d]) => d);
      if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) {
        this.fuzzyCache.delete(this.fuzzyCache.keys().next().value!);
      }
      this.fuzzyCache.set(key, out);
    }
    return out;
  }

  /**
   * Walks terms [from, to) as a trie, skipping every term under a dead prefix, adding matches
   * to `out`; false when it stopped at the row limit.
   */
  private walkFuzzy(
    table: EditRows,
    from: number,
    to: number,
    maxRows: number,
    out: FuzzyTerms,
  ): boolean {
    const { terms } = this.data;
    // Rows 0..valid of the table hold the first `valid` characters of `prev`.
    let valid = 0;
    let prev = '';
    let i = from;
    while (i < to) {
      if (out.rows > maxRows) {
        out.complete = false;
        return false;
      }
      const t = terms[i]!;
      let depth = 0;
      const max = Math.min(prev.length, t.length, valid);
      while (depth < max && prev.charCodeAt(depth) === t.charCodeAt(depth)) depth++;
      let deadAt = -1;
      for (let k = depth; k < t.length; k++) {
        out.rows++;
        if (!table.step(k, t.charCodeAt(k))) {
          deadAt = k;
          break;
        }
      }
      prev = t;
      if (deadAt >= 0) {
        // No term sharing this prefix can match: jump past all of them.
        valid = deadAt;
        i = Math.min(to, pastPrefix(terms, t, deadAt + 1, i));
        continue;
      }
      valid = t.length;
      const d = table.distanceAt(t.length);
      if (d <= table.distance) {
        out.terms.push(i);
        out.distances.push(d);
      }
      i++;
    }
    return true;
  }

  /**
   * Calls `visit(position, weight)` for each document holding `term` in `fields`, with the
   * weight before idf (field boost included); a document in several fields comes once each.
   * Returns the number of postings read.
   */
  forEachPosting(
    term: string,
    fields: readonly FieldName[],
    visit: (position: number, weight: number) => void,
  ): number {
    const t = this.termNumber(term);
    if (t < 0) return 0;
    this.fetch?.(t);
    const { offsets, docs, weights } = this.data;
    let read = 0;
    for (const f of fields) {
      const slot = t * FIELD_COUNT + FIELD_NO[f];
      for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) visit(docs[i]!, weights[i]!);
      read += offsets[slot + 1]! - offsets[slot]!;
    }
    return read;
  }
}
