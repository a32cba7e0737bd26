// A small pool of index worker threads (one per core, at most two by default) that build,
// merge and load segments; a crashed worker fails only its task and is replaced on the next one.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse, WorkerResults, WorkerTask } from './worker-protocol';

interface Task {
  task: WorkerTask;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task: (Task & { id: number }) | null;
}

// A worker's heap holds one batch being built or the term lists of one merge (postings are
// shared memory, outside the heap): a 2,000-document build fits in 160 MB. Without a cap
// each worker's heap grows like the main thread's (4 GB in the benchmarks) before V8
// collects, which made up much of the peak RSS at 100,000 articles. A worker that still
// runs out fails its task, which then runs on the calling thread (task-runner.ts).
const WORKER_HEAP_MB = 512;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  private readonly execArgv: string[];

  constructor(
    private readonly script: string,
    execArgv: string[] = [],
    readonly size = Math.max(1, Math.min(2, availableParallelism())),
  ) {
    this.execArgv = compatibleExecArgv(execArgv);
  }

  /** Runs a build, merge or load on a worker thread. */
  run<K extends WorkerTask['kind']>(task: WorkerTask & { kind: K }): Promise<WorkerResults[K]> {
    if (this.closed) return Promise.reject(new Error('the index worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (r: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      slot.task = { ...task, id };
      const msg: WorkerRequest = { ...task.task, id };
      slot.worker.postMessage(msg);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      execArgv: this.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, task: null };
    worker.unref();
    worker.on('message', (msg: WorkerResponse) => {
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      slot.task = null;
      if (msg.ok) task.resolve(msg.value);
      else task.reject(new Error(`index worker failed: ${msg.error}`));
      this.pump();
    });
    const fail = (err: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.task?.reject(new Error(`index worker stopped: ${err.message}`));
      slot.task = null;
      if (!this.closed) this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Stops every worker; queued tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('the index worker pool is closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) s.task?.reject(new Error('the index worker pool is closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/**
 * On Node 20, `--import tsx` does not apply to a worker's entry file ("Unknown file
 * extension .ts"); tsx's CommonJS hook does, so use it there for the same effect. The loader
 * may be named as `tsx` or by the path/URL of its entry (`…/tsx/dist/loader.mjs`), which the
 * CLI and the benchmarks pass so the worker finds it from any working directory.
 */
export function compatibleExecArgv(argv: string[]): string[] {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return argv;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = arg.startsWith('--import=') ? arg.slice('--import='.length) : null;
    const loader = inline ?? (arg === '--import' ? argv[i + 1] : undefined);
    const cjs = loader === undefined ? null : tsxCjsHook(loader);
    if (cjs === null) {
      out.push(arg);
      continue;
    }
    out.push('--require', cjs);
    if (inline === null) i++;
  }
  return out;
}

const TSX_ENTRY = /^(.*[\\/])?tsx[\\/]dist[\\/](loader\.mjs|esm[\\/]index\.mjs)$/;

/** tsx's CommonJS hook for a tsx `--import` loader (name, path or file URL), else null. */
function tsxCjsHook(loader: string): string | null {
  if (loader === 'tsx' || loader === 'tsx/esm') return 'tsx/cjs';
  let path = loader;
  if (loader.startsWith('file:')) {
    try {
      path = fileURLToPath(loader);
    } catch {
      return null;
    }
  }
  const m = TSX_ENTRY.exec(path);
  return m ? join(`${m[1] ?? ''}tsx`, 'dist', 'cjs', 'index.cjs') : null;
}
