// One engine worker thread with the library open in it: starts it, posts calls (marshalling
// callbacks and signals), routes answers, callbacks and changes, and reports its death.
// What to do after a death (restart, unlock) is remote-engine.ts's business.
import { Worker } from 'node:worker_threads';
import { ArchiveError } from '../errors';
import type { LibraryChange, OpenOptions } from '../engine';
import type { EngineMethod } from '../engine-methods';
import { compatibleExecArgv } from '../workers/compatible-exec-argv';
import { marshalArgs, type RemoteFunction } from './marshal';
import { parseFromWorker, type FromWorker, type HostWorkerData, type ToWorker } from './protocol';
import { describeDeath, type WorkerDeath } from './worker-death';
import { fromWireError } from './wire-error';

/** How to start an engine worker. */
export interface HostStart {
  dir: string;
  script: string;
  execArgv?: string[] | undefined;
  /** Old-generation heap cap of the worker, MB. */
  heapMb: number;
  options: HostWorkerData['options'];
  onIndexProgress?: OpenOptions['onIndexProgress'];
}

/** What the connection tells its owner. */
export interface HostEvents {
  change(change: LibraryChange): void;
  /** The worker stopped after the library had opened (not through terminate()). */
  died(connection: HostConnection, death: WorkerDeath): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  functions: RemoteFunction[];
  detach(): void;
}

/** A library open in a worker thread. */
export class HostConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private ended = false;
  private terminating = false;

  private constructor(
    private readonly worker: Worker,
    readonly path: string,
    readonly readOnly: boolean,
  ) {}

  /**
   * Starts a worker and opens the library in it. Rejects with the open error (LOCKED, ...),
   * or with an INTERNAL ArchiveError carrying `death` when the worker stops while opening.
   */
  static start(start: HostStart, events: HostEvents): Promise<HostConnection> {
    const data: HostWorkerData = { dir: start.dir, options: start.options };
    const worker = new Worker(start.script, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: start.heapMb },
      // Node 20 workers cannot take `--import tsx`; the helper swaps in the CJS hook.
      ...(start.execArgv ? { execArgv: compatibleExecArgv(start.execArgv) } : {}),
    });
    let lastError: Error | null = null;
    let connection: HostConnection | null = null;
    return new Promise<HostConnection>((resolve, reject) => {
      worker.on('error', (error) => {
        lastError = error;
      });
      worker.on('exit', (exitCode) => {
        const death: WorkerDeath = { error: lastError, exitCode };
        if (!connection) {
          reject(new StartDeath(death));
          return;
        }
        connection.ended = true;
        if (!connection.terminating) events.died(connection, death);
      });
      worker.on('message', (raw: unknown) => {
        const msg = parseFromWorker(raw);
        if (!msg) {
          process.emitWarning('The engine worker sent a message this host does not understand.');
          return;
        }
        if (connection) {
          connection.receive(msg, events);
          return;
        }
        if (msg.type === 'open-progress') start.onIndexProgress?.(msg.progress);
        else if (msg.type === 'ready') {
          connection = new HostConnection(worker, msg.path, msg.readOnly);
          resolve(connection);
        } else if (msg.type === 'open-failed') {
          reject(fromWireError(msg.error));
          void worker.terminate();
        }
      });
    });
  }

  /** Calls waiting for the worker. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** True once the thread has stopped. */
  get stopped(): boolean {
    return this.ended;
  }

  /** Calls `method` in the worker; callbacks and signals in `args` work across the thread. */
  call(method: EngineMethod, args: readonly unknown[]): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const { args: wireArgs, functions, signals } = marshalArgs(args);
    return new Promise<unknown>((resolve, reject) => {
      const detachers = signals.map((signal, slot) => {
        const onAbort = () => this.post({ type: 'abort', id, slot });
        signal.addEventListener('abort', onAbort, { once: true });
        return () => signal.removeEventListener('abort', onAbort);
      });
      const detach = () => detachers.forEach((d) => d());
      this.pending.set(id, { resolve, reject, functions, detach });
      try {
        this.post({ type: 'call', id, method, args: wireArgs });
      } catch (error) {
        // Arguments that cannot be cloned fail this call only.
        this.settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Rejects every waiting call, and every later one, with `error`. */
  failPending(error: Error): void {
    this.failure = error;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }

  /** Ends the thread without reporting a death. */
  async terminate(): Promise<void> {
    this.terminating = true;
    await this.worker.terminate();
  }

  private post(msg: ToWorker): void {
    if (!this.ended) this.worker.postMessage(msg);
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    p.detach();
    return p;
  }

  private receive(msg: FromWorker, events: HostEvents): void {
    switch (msg.type) {
      case 'result':
        this.settle(msg.id)?.resolve(msg.value);
        return;
      case 'failure':
        this.settle(msg.id)?.reject(fromWireError(msg.error));
        return;
      case 'callback':
        try {
          this.pending.get(msg.id)?.functions[msg.slot]?.(...msg.args);
        } catch (error) {
          // The caller's own callback threw; the call goes on, as the worker cannot see it.
          process.emitWarning(`An engine callback failed: ${String(error)}`);
        }
        return;
      case 'change':
        events.change(msg.change);
        return;
      default:
        return;
    }
  }
}

/** The worker stopped before the library opened. */
export class StartDeath extends ArchiveError {
  constructor(readonly death: WorkerDeath) {
    super(
      'INTERNAL',
      `The library engine stopped while opening the library (${describeDeath(death)}).`,
    );
    this.name = 'StartDeath';
  }
}
