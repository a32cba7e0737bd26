// LibraryEngine over a worker thread. The calling thread (Electron's main process) only
// posts messages, so a 10,000-file import or an index rebuild never blocks its event loop.
import { Worker } from 'node:worker_threads';
import { ArchiveError } from '../errors';
import type { ImportOptions, LibraryChange, LibraryEngine, OpenOptions } from '../engine';
import type {
  ArticleId,
  ArticlePage,
  ArticleView,
  ImportSource,
  ImportSummary,
  LibraryStats,
  ListQuery,
  SearchQuery,
  SearchResult,
  TagCount,
  TagSnapshot,
} from '../../contract/types';
import { compatibleExecArgv } from '../search/workers/worker-pool';
import type { FromWorker, HostMethod, HostWorkerData, ToWorker } from './protocol';
import { fromWireError } from './wire-error';

export interface RemoteEngineOptions extends OpenOptions {
  /** The engine worker script: out/main/engine-host.js, or engine-worker.ts with tsx. */
  hostScript: string;
  /** Node arguments for the host worker (tests pass ['--import', 'tsx']). */
  hostExecArgv?: string[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (p: never) => void;
}

/** A LibraryEngine whose Library lives in a worker thread. */
export class RemoteEngine implements LibraryEngine {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private dead: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly path: string,
    readonly readOnly: boolean,
  ) {
    worker.on('message', (msg: FromWorker) => this.receive(msg));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      this.fail(new Error(`The library worker stopped (exit code ${code}).`));
    });
  }

  /** Starts the worker and opens the library in it; rejects with the open error (LOCKED, ...). */
  static open(dir: string, options: RemoteEngineOptions): Promise<RemoteEngine> {
    const { hostScript, hostExecArgv, onIndexProgress, ...openOptions } = options;
    const data: HostWorkerData = { dir, options: openOptions };
    const worker = new Worker(hostScript, {
      workerData: data,
      // Node 20 workers cannot take `--import tsx`; the helper swaps in the CJS hook.
      ...(hostExecArgv ? { execArgv: compatibleExecArgv(hostExecArgv) } : {}),
    });
    return new Promise<RemoteEngine>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(
          new ArchiveError(
            'INTERNAL',
            `The library worker stopped while opening (exit code ${code}).`,
          ),
        );
      const onError = (error: Error) => reject(error);
      const onMessage = (msg: FromWorker) => {
        if (msg.type === 'progress' && msg.id === 0) {
          onIndexProgress?.(msg.progress as { done: number; total: number });
          return;
        }
        if (msg.type !== 'ready' && msg.type !== 'open-failed') return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.off('error', onError);
        if (msg.type === 'ready') {
          resolve(new RemoteEngine(worker, msg.path, msg.readOnly));
        } else {
          void worker.terminate();
          reject(fromWireError(msg.error));
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.once('error', onError);
    });
  }

  /** Calls still waiting for the worker (for tests and shutdown logs). */
  get inFlight(): number {
    return this.pending.size;
  }

  importSources(sources: ImportSource[], options?: ImportOptions): Promise<ImportSummary> {
    const signal = options?.signal;
    const { id, promise } = this.call<ImportSummary>(
      'importSources',
      [sources],
      options?.onProgress,
    );
    if (signal) {
      const cancel = () => this.post({ type: 'cancel', id });
      if (signal.aborted) cancel();
      else {
        signal.addEventListener('abort', cancel, { once: true });
        void promise.finally(() => signal.removeEventListener('abort', cancel)).catch(() => {});
      }
    }
    return promise;
  }
  list(query?: ListQuery): Promise<ArticlePage> {
    return this.run('list', query === undefined ? [] : [query]);
  }
  get(id: ArticleId, options?: { highlight?: string }): Promise<ArticleView> {
    return this.run('get', options === undefined ? [id] : [id, options]);
  }
  search(query: SearchQuery): Promise<SearchResult> {
    return this.run('search', [query]);
  }
  addTags(ids: ArticleId[], tags: string[]): Promise<TagSnapshot> {
    return this.run('addTags', [ids, tags]);
  }
  removeTags(ids: ArticleId[], tags: string[]): Promise<TagSnapshot> {
    return this.run('removeTags', [ids, tags]);
  }
  restoreTags(snapshot: TagSnapshot): Promise<void> {
    return this.run('restoreTags', [snapshot]);
  }
  listTags(): Promise<TagCount[]> {
    return this.run('listTags', []);
  }
  renameTag(from: string, to: string): Promise<TagSnapshot> {
    return this.run('renameTag', [from, to]);
  }
  deleteTag(name: string): Promise<TagSnapshot> {
    return this.run('deleteTag', [name]);
  }
  setRead(ids: ArticleId[], read: boolean): Promise<void> {
    return this.run('setRead', [ids, read]);
  }
  setFavourite(ids: ArticleId[], favourite: boolean): Promise<void> {
    return this.run('setFavourite', [ids, favourite]);
  }
  setPosition(id: ArticleId, position: number): Promise<void> {
    return this.run('setPosition', [id, position]);
  }
  trash(ids: ArticleId[]): Promise<void> {
    return this.run('trash', [ids]);
  }
  restore(ids: ArticleId[]): Promise<void> {
    return this.run('restore', [ids]);
  }
  emptyTrash(): Promise<{ removed: number }> {
    return this.run('emptyTrash', []);
  }
  reindex(onProgress?: (p: { done: number; total: number }) => void): Promise<void> {
    return this.call<void>('reindex', [], onProgress).promise;
  }
  stats(): Promise<LibraryStats> {
    return this.run('stats', []);
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the library in the worker (flush, unlock), then ends the worker. */
  async close(): Promise<void> {
    if (this.dead) return;
    try {
      await this.run('close', []);
    } finally {
      this.dead = new ArchiveError('IO', 'This library has been closed.');
      await this.worker.terminate();
    }
  }

  private run<T>(method: HostMethod, args: unknown[]): Promise<T> {
    return this.call<T>(method, args).promise;
  }

  private call<T>(
    method: HostMethod,
    args: unknown[],
    onProgress?: (p: never) => void,
  ): { id: number; promise: Promise<T> } {
    const id = this.nextId++;
    if (this.dead) return { id, promise: Promise.reject(this.dead) };
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
    });
    this.post({ type: 'call', id, method, args });
    return { id, promise };
  }

  private post(msg: ToWorker): void {
    if (!this.dead) this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'result': {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(fromWireError(msg.error));
        return;
      }
      case 'progress':
        this.pending.get(msg.id)?.onProgress?.(msg.progress as never);
        return;
      case 'change':
        for (const l of this.listeners) l(msg.change);
        return;
      default:
        return;
    }
  }

  private fail(error: Error): void {
    if (!this.dead) this.dead = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
