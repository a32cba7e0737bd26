// Knobs of the search index, for tests and benchmarks; the defaults suit the app.

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
  /** Run background merges (off: segments stay as built, for tests). */
  merge: boolean;
}

/** The app's settings. */
export const DEFAULT_TUNING: IndexTuning = {
  workerMinDocs: 200,
  batchSize: 2000,
  searchWaitMs: 2000,
  persistDelayMs: 3000,
  merge: true,
};
