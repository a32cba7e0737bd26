// A pool of worker threads running one kind of task. Threads start on demand up to `size`;
// a thread that crashes fails only the tasks it held and is replaced when the next task comes.
// With `idleMs`, a thread left without work that long is stopped: its heap goes back to the
// system (an index worker keeps ~250 MB committed after a large import), and the next task
// starts a thread again.
// A script that cannot even load marks the pool broken, so callers stop trying it.
import { Worker } from 'node:worker_threads';
import { compatibleExecArgv } from './compatible-exec-argv';
import type { PoolReply, PoolRequest } from './pool-messages';
import { retireThread, watchThread } from './thread-usage';

export interface WorkerPoolOptions {
  script: string;
  /** Node arguments for the threads (tests pass a tsx loader). */
  execArgv?: string[];
  /** Most threads at once (default 1). */
  size?: number;
  /**
   * Tasks one thread may hold at once (default 1); beyond that they wait here. More than one
   * lets a thread start the next task without waiting for a round trip.
   */
  tasksPerWorker?: number;
  /** Old-generation heap cap per thread in MB: a thread past it dies alone. */
  heapMb?: number;
  /** Young-generation size per thread in MB (default: V8's, 3 semi-spaces of 16 MB at most). */
  youngMb?: number;
  /** What the threads are called in errors ("index worker"). */
  name: string;
  /** Stop a thread after this long without a task (default: never). */
  idleMs?: number;
}

interface Task<T, R> {
  task: T;
  resolve: (value: R) => void;
  reject: (e: Error) => void;
}

interface Slot<T, R> {
  worker: Worker;
  tasks: Map<number, Task<T, R>>;
  idle: NodeJS.Timeout | null;
}

/** Runs tasks of type T on worker threads that answer with R. */
export class WorkerPool<T extends object, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Task<T, R>[] = [];
  private readonly execArgv: string[];
  private nextId = 1;
  private closed = false;
  private unloadable = false;
  readonly size: number;
  private readonly perWorker: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.execArgv = compatibleExecArgv(options.execArgv ?? []);
    this.size = Math.max(1, options.size ?? 1);
    this.perWorker = Math.max(1, options.tasksPerWorker ?? 1);
  }

  /** True once the script failed to load: every task would fail the same way. */
  get broken(): boolean {
    return this.unloadable;
  }

  /** Starts a thread now, when none runs yet, so that the first task does not wait for it. */
  warm(): void {
    if (this.closed || this.unloadable || this.slots.length > 0) return;
    this.spawn();
  }

  /** Runs a task on a thread; rejects when the thread fails it or dies. */
  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(this.closedError());
    if (this.unloadable) return Promise.reject(new Error(`the ${this.options.name} cannot start`));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.pick();
      if (!slot) return;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      this.busy(slot);
      slot.tasks.set(id, task);
      const msg: PoolRequest<T> = { ...task.task, id };
      slot.worker.postMessage(msg);
    }
  }

  /** An idle thread, else a new one, else the least busy with room; null: wait. */
  private pick(): Slot<T, R> | null {
    let least: Slot<T, R> | null = null;
    for (const s of this.slots) if (!least || s.tasks.size < least.tasks.size) least = s;
    if (least && least.tasks.size === 0) return least;
    if (this.slots.length < this.size) return this.spawn();
    return least && least.tasks.size < this.perWorker ? least : null;
  }

  private spawn(): Slot<T, R> {
    const { heapMb, youngMb } = this.options;
    const worker = new Worker(this.options.script, {
      execArgv: this.execArgv,
      resourceLimits: {
        ...(heapMb ? { maxOldGenerationSizeMb: heapMb } : {}),
        ...(youngMb ? { maxYoungGenerationSizeMb: youngMb } : {}),
      },
    });
    worker.unref();
    watchThread(this.options.name, worker);
    const slot: Slot<T, R> = { worker, tasks: new Map(), idle: null };
    worker.on('message', (msg: PoolReply<R>) => {
      const task = slot.tasks.get(msg.id);
      if (!task) return;
      slot.tasks.delete(msg.id);
      if (msg.ok) task.resolve(msg.value);
      else task.reject(new Error(`${this.options.name} failed: ${msg.error}`));
      this.pump();
      if (slot.tasks.size === 0) this.idleSoon(slot);
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => this.fail(slot, new Error(`exit code ${code}`)));
    this.slots.push(slot);
    // A thread started ahead of its tasks (warm) is idle until one comes.
    this.idleSoon(slot);
    return slot;
  }

  private idleSoon(slot: Slot<T, R>): void {
    const { idleMs } = this.options;
    if (idleMs === undefined || slot.idle || this.closed) return;
    slot.idle = setTimeout(() => {
      slot.idle = null;
      this.stopIdle(slot);
    }, idleMs);
    slot.idle.unref();
  }

  /**
   * Stops every thread that has no task now, as if its idle time were up: the next task
   * starts one with a fresh heap.
   */
  releaseIdle(): void {
    for (const slot of [...this.slots]) {
      if (slot.tasks.size > 0) continue;
      this.busy(slot);
      this.stopIdle(slot);
    }
  }

  private stopIdle(slot: Slot<T, R>): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.tasks.size > 0 || this.closed) return;
    // Out of the pool first, so its exit is not taken for a crash.
    this.slots.splice(i, 1);
    retireThread(slot.worker);
    void slot.worker.terminate();
  }

  private busy(slot: Slot<T, R>): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
  }

  private fail(slot: Slot<T, R>, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    this.busy(slot);
    if (isUnloadable(err)) this.unloadable = true;
    const error = new Error(`${this.options.name} stopped: ${err.message}`);
    for (const t of slot.tasks.values()) t.reject(error);
    slot.tasks.clear();
    if (this.closed) return;
    if (this.unloadable) for (const t of this.queue.splice(0)) t.reject(error);
    else this.pump();
  }

  /** Stops every thread; tasks queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = this.closedError();
    for (const t of this.queue.splice(0)) t.reject(error);
    const slots = this.slots.splice(0);
    for (const s of slots) for (const t of s.tasks.values()) t.reject(error);
    for (const s of slots) {
      this.busy(s);
      retireThread(s.worker);
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private closedError(): Error {
    return new Error(`the ${this.options.name} pool is closed`);
  }
}

/** A worker that cannot load its script fails every task: no point starting another. */
function isUnloadable(err: Error): boolean {
  return err.message.includes('Cannot find module') || err.message.includes('ERR_MODULE');
}
