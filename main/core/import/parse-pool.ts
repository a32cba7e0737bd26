// Parse worker threads for one import, on the shared worker pool. A batch whose worker fails
// or crashes is parsed on the calling thread instead, so a worker problem never changes an
// outcome.
import { WorkerPool } from '../workers/worker-pool';
import { workerBeside } from '../workers/worker-entries';
import { parseJobs } from './parse-jobs';
import type { ParseJob, ParseOutcome, ParseTask } from './parse-protocol';

/** Where the parse worker is and how to start it. */
export interface ParseWorkerOptions {
  script: string;
  execArgv?: string[];
  /** Worker threads (default 1: the index build already keeps the other core busy). */
  size?: number;
}

// A parse batch holds at most a few chunks of files, far below the index worker's needs.
const WORKER_HEAP_MB = 256;

/** Parses batches of files on worker threads, falling back to the calling thread. */
export class ParsePool {
  private readonly pool: WorkerPool<ParseTask, ParseOutcome[]>;
  private closed = false;
  /** Batches parsed on a worker so far (the rest ran on the calling thread). */
  workerBatches = 0;

  constructor(options: ParseWorkerOptions) {
    this.pool = new WorkerPool({
      script: options.script,
      execArgv: options.execArgv ?? [],
      size: options.size ?? 1,
      // The import reads ahead: the next batch waits at the worker, not for a round trip.
      tasksPerWorker: Infinity,
      heapMb: WORKER_HEAP_MB,
      name: 'parse worker',
    });
  }

  /** The outcomes of a batch, in job order. */
  async parse(jobs: ParseJob[]): Promise<ParseOutcome[]> {
    if (this.closed || this.pool.broken) return parseJobs(jobs);
    try {
      const outcomes = await this.pool.run({ jobs });
      this.workerBatches++;
      return outcomes;
    } catch {
      // The worker failed or died: the outcome must not depend on it.
      return parseJobs(jobs);
    }
  }

  /** Stops the workers; batches still out are parsed on the calling thread. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}

/** The parse worker in the same form (built or source) as the index worker script. */
export function parseWorkerBeside(indexWorkerScript: string): string | null {
  return workerBeside(indexWorkerScript, 'parse-worker');
}
