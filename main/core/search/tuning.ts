// Knobs of the search index, for tests and benchmarks; the defaults suit the app.
import { QUERY_TIME_LIMIT_MS, QUERY_WORK_LIMIT } from './query/query-budget';
import { WORKER_IDLE_MS } from './workers/task-runner';

/** Knobs for tests and benchmarks; the defaults suit the app. */
export interface IndexTuning {
  /** Batches smaller than this are built on the calling thread even with a worker. */
  workerMinDocs: number;
  /** Documents per segment when (re)building from the article store. */
  batchSize: number;
  /** How long a search waits for persisted segments to load before answering partially. */
  searchWaitMs: number;
  /** Delay before changes are persisted in the background (flush persists at once). */
  persistDelayMs: number;
  /**
   * A writable index's segments of at least this many documents read their postings from
   * their saved file on demand instead of holding them in memory (a read-only index's all do).
   */
  fileBackedMinDocs: number;
  /** How long a writable index must be idle (no build or merge) before that happens. */
  fileBackedQuietMs: number;
  /**
   * How long no build must have run before a segment is rewritten to drop a small share of
   * dead documents (see merge-policy.ts).
   */
  reclaimQuietMs: number;
  /** Run background merges (off: segments stay as built, for tests). */
  merge: boolean;
  /** Work one query may do before it is refused (see query/query-budget.ts). */
  queryWorkLimit: number;
  /** Wall time one query's evaluation may take before it is refused. */
  queryTimeLimitMs: number;
}

/** The app's settings. */
export const DEFAULT_TUNING: IndexTuning = {
  workerMinDocs: 200,
  batchSize: 2000,
  searchWaitMs: 2000,
  persistDelayMs: 3000,
  fileBackedMinDocs: 4096,
  fileBackedQuietMs: 10_000,
  // Longer than an idle index worker is kept, so that after a bulk edit the rewrite starts on
  // a fresh worker instead of beside the heaps the edit's builds left.
  reclaimQuietMs: WORKER_IDLE_MS + 5_000,
  merge: true,
  queryWorkLimit: QUERY_WORK_LIMIT,
  queryTimeLimitMs: QUERY_TIME_LIMIT_MS,
};
