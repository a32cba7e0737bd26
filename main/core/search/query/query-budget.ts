// A bound on the work one query may do, so that any query answers or is refused well within a
// second (Lucene bounds the same things with maxExpansions, a determinisation cap and a
// time-limiting collector). Work is counted in postings and positions read and edit-table
// rows computed, which is deterministic; the clock is only a safety net for a machine so
// slow or busy that the counted work takes longer than it should.
import { performance } from 'node:perf_hooks';
import { QueryError } from '../../errors';

/**
 * Work units (a posting scored, a word position read for a phrase) one query may spend. A
 * unit costs 20–200 ns at 100,000 articles; the heaviest legitimate queries measured there
 * (three phrases of the commonest word pairs, 32 two-letter prefixes) spend 1.5–1.7 million.
 */
export const QUERY_WORK_LIMIT = 3_000_000;
/**
 * Wall time one query's evaluation may take before it is stopped. The page's snippets come
 * after (20 hits, each reading at most the opening of its text: well under 0.1 s at 100,000
 * articles), so an answer or a refusal comes within 1 s.
 */
export const QUERY_TIME_LIMIT_MS = 600;

/** Counts a query's work and refuses it (QueryError) once over the limits. */
export class QueryBudget {
  private spent = 0;
  private readonly deadline: number;

  constructor(
    private readonly workLimit = QUERY_WORK_LIMIT,
    timeLimitMs = QUERY_TIME_LIMIT_MS,
  ) {
    this.deadline = performance.now() + timeLimitMs;
  }

  /** Work done so far. */
  get used(): number {
    return this.spent;
  }

  /** Records `units` of work; throws QueryError when the query has done too much or run too long. */
  spend(units: number): void {
    this.spent += units;
    if (this.spent > this.workLimit) {
      throw new QueryError(
        'This query needs too much work to answer quickly; use fewer or less common words.',
      );
    }
    if (performance.now() > this.deadline) {
      throw new QueryError(
        'This query took too long and was stopped; use fewer or less common words.',
      );
    }
  }
}

/** A budget without limits, for callers that only read a handful of postings. */
export const unlimitedBudget = (): QueryBudget => new QueryBudget(Infinity, Infinity);
