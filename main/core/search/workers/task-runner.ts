// Where index tasks run: on the worker pool when there is a worker script (and the batch is
// big enough to be worth the message), else on this thread. A worker that fails falls back
// to this thread so no update is lost, with one process warning, since every task then
// blocks the thread that serves queries.
import { runTask } from './run-task';
import { WorkerPool } from './worker-pool';
import type { WorkerResults, WorkerTask } from './worker-protocol';

export class TaskRunner {
  private readonly pool: WorkerPool | null;
  private warned = false;
  private closed = false;

  constructor(workerScript: string | undefined, execArgv: string[]) {
    this.pool = workerScript ? new WorkerPool(workerScript, execArgv) : null;
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
        return await this.pool.run<K>(task);
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

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }
}
