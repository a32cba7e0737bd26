// A small pool of parse worker threads for one import. A batch whose worker fails or crashes
// is parsed on the calling thread instead, so a worker problem never changes an outcome.
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compatibleExecArgv } from '../search/workers/worker-pool';
import { parseJobs } from './parse-jobs';
import type { ParseJob, ParseOutcome, ParseRequest, ParseResponse } from './parse-protocol';

/** Where the parse worker is and how to start it. */
export interface ParseWorkerOptions {
  script: string;
  execArgv?: string[];
  /** Worker threads (default 1: the index build already keeps the other core busy). */
  size?: number;
}

interface Pending {
  resolve: (outcomes: ParseOutcome[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
}

// A parse batch holds at most a few chunks of files, far below the index worker's needs.
const WORKER_HEAP_MB = 256;

/** Parses batches of files on worker threads, falling back to the calling thread. */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  private broken = false;
  private readonly execArgv: string[];
  private readonly size: number;
  /** Batches parsed on a worker so far (the rest ran on the calling thread). */
  workerBatches = 0;

  constructor(private readonly options: ParseWorkerOptions) {
    this.execArgv = compatibleExecArgv(options.execArgv ?? []);
    this.size = Math.max(1, options.size ?? 1);
  }

  /** The outcomes of a batch, in job order. */
  async parse(jobs: ParseJob[]): Promise<ParseOutcome[]> {
    if (this.closed || this.broken) return parseJobs(jobs);
    try {
      return await this.send(jobs);
    } catch {
      return parseJobs(jobs);
    }
  }

  private send(jobs: ParseJob[]): Promise<ParseOutcome[]> {
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.busy.set(id, { resolve, reject });
      const msg: ParseRequest = { id, jobs };
      slot.worker.postMessage(msg);
    });
  }

  private pick(): Slot {
    const idle = this.slots.reduce<Slot | undefined>(
      (best, s) => (best === undefined || s.busy.size < best.busy.size ? s : best),
      undefined,
    );
    if (idle && (idle.busy.size === 0 || this.slots.length >= this.size)) return idle;
    return this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script, {
      execArgv: this.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.unref();
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (msg: ParseResponse) => {
      const pending = slot.busy.get(msg.id);
      if (!pending) return;
      slot.busy.delete(msg.id);
      if (msg.ok) {
        this.workerBatches++;
        pending.resolve(msg.outcomes);
      } else pending.reject(new Error(msg.error));
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      // A worker that cannot even start (missing script) would fail every batch: stop trying.
      if (err.message.includes('Cannot find module') || err.message.includes('ERR_MODULE')) {
        this.broken = true;
      }
      for (const p of slot.busy.values()) p.reject(err);
      slot.busy.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`parse worker exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Stops the workers; batches still out are parsed on the calling thread. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) for (const p of s.busy.values()) p.reject(new Error('pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/**
 * The parse worker beside an index worker script: the built `index-worker.js` has
 * `parse-worker.js` next to it, and the source `search/workers/worker.ts` has `import/parse-worker.ts`.
 */
export function parseWorkerBeside(indexWorkerScript: string): string | null {
  const name = basename(indexWorkerScript);
  const dir = dirname(indexWorkerScript);
  if (name === 'index-worker.js') return join(dir, 'parse-worker.js');
  if (name === 'worker.ts' && basename(dir) === 'workers' && basename(dirname(dir)) === 'search') {
    return join(dirname(dirname(dir)), 'import', 'parse-worker.ts');
  }
  return null;
}
