// A LibraryEngine whose Library lives in a worker thread: the calling thread (Electron's
// main process) only posts messages, so a 10,000-file import or an index rebuild never
// blocks its event loop. When the worker dies (out of memory, a crash), the calls it held
// fail with one clear error, its lock is released, and a new worker reopens the library.
import { totalmem } from 'node:os';
import { ArchiveError } from '../errors';
import type { LibraryChange, LibraryEngine, OpenOptions } from '../engine';
import type { EngineMethod } from '../engine-methods';
import { releaseOwnLock } from '../store/lock';
import { proxyMethods } from './engine-proxy';
import { HostConnection, StartDeath, type HostStart } from './host-connection';
import { deathCause, describeDeath, type DeathCause, type WorkerDeath } from './worker-death';

export interface RemoteEngineOptions extends OpenOptions {
  /** The engine worker script: out/main/engine-host.js, or engine-worker.ts with tsx. */
  hostScript: string;
  /** Node arguments for the host worker (tests pass ['--import', 'tsx']). */
  hostExecArgv?: string[];
  /** Heap cap of the engine thread in MB (default: a quarter of memory, 1–4 GB). */
  hostHeapMb?: number;
  /** Told after the worker died, once a new one has opened the library or failed to. */
  onRestart?: (event: RestartEvent) => void;
}

/** A worker death and its outcome: `error` is why the restart failed, null when it worked. */
export interface RestartEvent {
  cause: DeathCause;
  exitCode: number;
  error: Error | null;
}

/** A LibraryEngine served by a worker thread. */
export interface RemoteEngine extends LibraryEngine {
  /** Calls still waiting for the worker (for tests and shutdown logs). */
  readonly inFlight: number;
}

const MB = 1024 * 1024;

/**
 * The engine thread's heap cap: past it the thread dies alone (and is restarted) rather than
 * the process. A quarter of memory, as V8 would pick for the main thread, kept within 1–4 GB;
 * 100,000 articles need well under 1 GB.
 */
export function defaultHostHeapMb(memoryBytes = totalmem()): number {
  return Math.round(Math.min(4096, Math.max(1024, memoryBytes / 4 / MB)));
}

/** Starts the worker and opens the library in it; rejects with the open error (LOCKED, ...). */
export async function openRemoteEngine(
  dir: string,
  options: RemoteEngineOptions,
): Promise<RemoteEngine> {
  const host = new EngineHost(dir, options);
  const first = await host.start();
  return host.engine(first.path, first.readOnly);
}

/** Keeps one worker serving the library, replacing it when it dies. */
class EngineHost {
  private readonly startOptions: HostStart;
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private current: Promise<HostConnection> | null = null;
  /** The last start failed: the next call tries again. */
  private startFailed = false;
  private waiting = 0;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly options: RemoteEngineOptions,
  ) {
    const {
      hostScript,
      hostExecArgv,
      hostHeapMb,
      onIndexProgress,
      onRestart: _,
      ...open
    } = options;
    this.startOptions = {
      dir,
      script: hostScript,
      execArgv: hostExecArgv,
      heapMb: hostHeapMb ?? defaultHostHeapMb(),
      options: open,
      ...(onIndexProgress ? { onIndexProgress } : {}),
    };
  }

  /**
   * Starts a worker, after `before` when given; from now on calls wait for this one. A worker
   * that dies while opening may have taken the lock already: it is released.
   */
  start(before?: () => Promise<void>): Promise<HostConnection> {
    const events = {
      change: (change: LibraryChange) => {
        for (const l of this.listeners) l(change);
      },
      died: (connection: HostConnection, death: WorkerDeath) => {
        this.recover(connection, death).catch((error: unknown) =>
          // Only the caller's onRestart can throw here; the engine itself has recovered.
          process.emitWarning(`After the library engine restarted: ${String(error)}`),
        );
      },
    };
    const started = (async () => {
      await before?.();
      try {
        return await HostConnection.start(this.startOptions, events);
      } catch (error) {
        if (error instanceof StartDeath) await this.unlock();
        throw error;
      }
    })();
    this.current = started;
    this.startFailed = false;
    started.catch(() => {
      if (this.current === started) this.startFailed = true;
    });
    return started;
  }

  /** The LibraryEngine over this host. */
  engine(path: string, readOnly: boolean): RemoteEngine {
    const methods = proxyMethods((method, args) => this.call(method, args));
    const inFlight = () => this.waiting;
    return {
      ...methods,
      path,
      readOnly,
      onChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      close: () => this.close(),
      get inFlight() {
        return inFlight();
      },
    };
  }

  private async call(method: EngineMethod, args: unknown[]): Promise<unknown> {
    if (this.closing) throw new ArchiveError('IO', 'This library has been closed.');
    this.waiting++;
    try {
      if (this.startFailed) this.start();
      const connection = await this.current!;
      return await connection.call(method, args);
    } finally {
      this.waiting--;
    }
  }

  /** After a death: unlock, start a new worker, then fail what the dead one held. */
  private async recover(connection: HostConnection, death: WorkerDeath): Promise<void> {
    const why = describeDeath(death);
    if (this.closing) {
      // A lock that cannot even be read cannot be released; the next open will name it.
      await this.unlock().catch(() => undefined);
      connection.failPending(
        new ArchiveError('INTERNAL', `The library engine stopped (${why}) while closing.`),
      );
      return;
    }
    // Set at once, so calls made from now on wait for the new worker.
    const restarted = this.start(() => this.unlock());
    let failure: Error | null = null;
    try {
      await restarted;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    connection.failPending(
      new ArchiveError(
        'INTERNAL',
        failure
          ? `The library engine stopped (${why}) and could not be restarted: ${failure.message}`
          : `The library engine stopped (${why}) and was restarted; try again.`,
      ),
    );
    this.options.onRestart?.({
      cause: deathCause(death),
      exitCode: death.exitCode,
      error: failure,
    });
  }

  /** Releases the lock a dead worker held: it shares this process's pid. */
  private async unlock(): Promise<void> {
    if (!this.options.readOnly) await releaseOwnLock(this.dir);
  }

  /** Closes the library in the worker (flush, unlock), then ends the worker. */
  private close(): Promise<void> {
    this.closing ??= (async () => {
      let connection: HostConnection;
      try {
        connection = await this.current!;
      } catch {
        return; // No worker is running: nothing is open.
      }
      try {
        await connection.call('close', []);
      } catch (error) {
        // A worker that died while closing has had its lock released (recover()).
        if (!connection.stopped) throw error;
      } finally {
        await connection.terminate();
      }
    })();
    return this.closing;
  }
}
