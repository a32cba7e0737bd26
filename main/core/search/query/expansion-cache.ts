// Expansions of prefix and fuzzy words over one list of segments, kept until the list
// changes: a search and the snippets of its page (one matchedWords call per hit) then walk
// the term lists once, and the snippets mark exactly the terms the search used.
import type { Segment } from '../segments/segment';
import { expandClause, type Expansion, type ExpansionLimits } from './expansions';
import type { QueryBudget } from './query-budget';
import type { TermClause } from './query-parser';

const LIMIT = 256;

/** Memoised `expandClause` for the current segment list. */
export class ExpansionCache {
  private segments: readonly Segment[] = [];
  private readonly memo = new Map<string, Expansion>();

  /** The clause's capped expansion over `segments` (computed once per segment list). */
  get(
    segments: readonly Segment[],
    clause: TermClause,
    languages: readonly string[],
    limits: ExpansionLimits,
    budget: QueryBudget,
  ): Expansion {
    if (!sameList(segments, this.segments)) {
      this.memo.clear();
      this.segments = segments.slice();
    }
    const key = [
      clause.prefix ? '*' : clause.fuzzy,
      limits.terms,
      limits.rows,
      languages.join(','),
      clause.source,
      clause.word,
    ].join('\u0000');
    let e = this.memo.get(key);
    if (!e) {
      e = expandClause(segments, clause, languages, limits, budget);
      if (this.memo.size >= LIMIT) this.memo.clear();
      this.memo.set(key, e);
    }
    return e;
  }
}

function sameList(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
