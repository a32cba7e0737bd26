// Where index tasks run: on the worker pool when there is a worker script (and the batch is
// big enough to be worth the message), else on this thread. A worker that fails falls back
// to this thread so no update is lost, with one process warning, since every task then
// blocks the thread that serves queries.
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../../workers/worker-pool';
import { runTask } from './run-task';
import type { WorkerResults, WorkerTask } from './worker-protocol';

// A worker's heap holds one batch being built or the term lists of one merge (postings are
// shared memory, outside the heap): a 2,000-document build fits in 160 MB. Without a cap
// each worker's heap grows like the main thread's (4 GB in the benchmarks) before V8
// collects, which made up much of the peak RSS at 100,000 articles. A worker that still
// runs out fails its task, which then runs on the calling thread.
const WORKER_HEAP_MB = 512;
// A build keeps everything it allocates until the batch is done (Lunr's builder, the term
// lists), so with V8's default young generation (16 MB semi-spaces) each scavenge copies it
// all and then promotes it: a third of a build's CPU was garbage collection. 64 MB semi-spaces
// (the young generation is three of them) cut a build's CPU by ~20%.
const WORKER_YOUNG_MB = 192;
// An index worker with nothing to do for this long is stopped: after a large import each kept
// ~250 MB (much of it that young generation) for as long as the app ran. Starting one again
// and loading its modules takes ~65 ms, small beside a batch of 2,000 documents or a merge.
export const WORKER_IDLE_MS = 15_000;

export class TaskRunner {
  private readonly pool: WorkerPool<WorkerTask, WorkerResults[WorkerTask['kind']]> | null;
  private warned = false;
  private closed = false;

  constructor(workerScript: string | undefined, execArgv: string[]) {
    this.pool = workerScript
      ? new WorkerPool({
          script: workerScript,
          execArgv,
          // One per core, at most two: the import and the queries need the rest.
          size: Math.min(2, availableParallelism()),
          heapMb: WORKER_HEAP_MB,
          youngMb: WORKER_YOUNG_MB,
          idleMs: WORKER_IDLE_MS,
          name: 'index worker',
        })
      : null;
  }

  /** How many tasks can usefully run at once. */
  get parallelism(): number {
    return this.pool ? this.pool.size : 1;
  }

  /** Runs a task; `size` below `minSize` stays on this thread. */
  async run<K extends WorkerTask['kind']>(
    task: WorkerTask & { kind: K },
    minSize = 0,
    size = Infinity,
  ): Promise<WorkerResults[K]> {
    if (this.pool && size >= minSize) {
      try {
        // The worker answers a task with the result of its kind.
        return (await this.pool.run(task)) as WorkerResults[K];
      } catch (e) {
        if (this.closed) throw e;
        if (!this.warned) {
          this.warned = true;
          process.emitWarning(`Index worker failed; working on the calling thread: ${String(e)}`);
        }
      }
    }
    return runTask<K>(task);
  }

  /** Stops the workers that have no task now (see WorkerPool.releaseIdle). */
  releaseIdle(): void {
    this.pool?.releaseIdle();
  }

  /** Starts a worker ahead of the tasks to come (see WorkerPool.warm). */
  warm(): void {
    this.pool?.warm();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }
}
