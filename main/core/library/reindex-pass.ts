// One pass over every article for a reindex: each is read once, in the order the articles lie
// on disk (large sequential reads), and prepared on reindex workers (reindex-prepare.ts); the
// index takes its documents from here as it asks for them (in the same order), and the
// version signatures and entities are kept for their rebuilds. Documents read ahead of the
// index are bounded, so memory stays flat at any library size.
import { availableParallelism } from 'node:os';
import { errorMessage } from '../../contract/error-message';
import type { ArticleStore } from '../store/article-store';
import type { TypedName } from '../entities/entity-cache';
import type { IndexDoc } from '../search/types';
import { WorkerPool } from '../workers/worker-pool';
import { workerBeside } from '../workers/worker-entries';
import { prepareBatch, type Prepared, type ReindexJob, type ReindexTask } from './reindex-prepare';

/** What the pass found of one article. */
export type PassOutcome =
  | { kind: 'prepared'; prepared: Prepared }
  | { kind: 'missing' }
  /** The pass could not read it: the caller reads it the usual way. */
  | { kind: 'fallback' };

export interface ReindexPassOptions {
  store: ArticleStore;
  /** Every article, in the order to read them (ArticleStore.diskOrder). */
  ids: string[];
  /** The catalogue's title and language of an article (entities go by them). */
  labelOf: (id: string) => { title: string; language: string };
  /** Told of each article as it is prepared (not of fallbacks). */
  onOutcome: (id: string, outcome: PassOutcome) => void;
  /**
   * Signatures and entities the caches hold for this cleaner, signer and extractor: an id is
   * a hash of the article's bytes, so computing them again would give the same; only the
   * others are computed.
   */
  cached?: {
    sigs: ReadonlyMap<string, Uint8Array>;
    names: ReadonlyMap<string, TypedName[]>;
  };
  /** Find each article's date again (false: the library is marked as dated by this finder). */
  redate?: boolean;
  /** The index worker's script: the reindex worker is found beside it. */
  workerScript?: string;
  workerExecArgv?: string[];
}

// Articles per worker task: small enough to spread over the workers, big enough that the
// message costs nothing beside the work.
const TASK_ARTICLES = 200;
// Tasks out at once (queued at the workers or being prepared).
const TASKS_OUT = 5;
// Documents prepared and not yet taken by the index: a little more than the index's read-ahead
// (two segment builds of 2,000 while the next 2,000 are gathered).
const DOCS_AHEAD = 6_000;
const WORKER_HEAP_MB = 512;

interface Slot {
  promise: Promise<PassOutcome>;
  resolve: (o: PassOutcome) => void;
  settled: boolean;
  /** Asked for before it was prepared. */
  wanted: boolean;
}

/** Reads and prepares every article once; see the file comment. */
export class ReindexPass {
  /** Each article's signature (null: none), for the versions' rebuild. */
  readonly sigs = new Map<string, Uint8Array | null>();
  /** Each article's entities, for the entities' rebuild. */
  readonly names = new Map<string, TypedName[]>();
  private readonly slots = new Map<string, Slot>();
  private readonly pool: WorkerPool<ReindexTask, Prepared[]> | null;
  private untaken = 0;
  private wanted = 0;
  private released = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: ReindexPassOptions) {
    for (const id of options.ids) {
      let resolve!: (o: PassOutcome) => void;
      const promise = new Promise<PassOutcome>((r) => (resolve = r));
      this.slots.set(id, { promise, resolve, settled: false, wanted: false });
    }
    const script = options.workerScript
      ? workerBeside(options.workerScript, 'reindex-worker')
      : null;
    this.pool = script
      ? new WorkerPool({
          script,
          execArgv: options.workerExecArgv ?? [],
          // The index workers take a core: one core left gets one worker, more get two
          // (on two cores, two more threads only shared them, and took memory).
          size: Math.max(1, Math.min(2, availableParallelism() - 1)),
          tasksPerWorker: 2,
          heapMb: WORKER_HEAP_MB,
          name: 'reindex worker',
        })
      : null;
  }

  /**
   * The index document of `id` from the pass: null when it has none (unreadable, missing,
   * not cleanable), undefined when the caller must read the article itself.
   */
  async doc(id: string): Promise<IndexDoc | null | undefined> {
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    if (slot.settled) {
      this.slots.delete(id);
      this.untaken--;
    } else if (!slot.wanted) {
      slot.wanted = true;
      this.wanted++;
    }
    this.wake?.();
    const outcome = await slot.promise;
    if (outcome.kind === 'fallback') return undefined;
    if (outcome.kind === 'missing' || !outcome.prepared.ok) return null;
    return outcome.prepared.doc;
  }

  /** Reads and prepares every article; never rejects (what it cannot do falls back). */
  async run(): Promise<void> {
    const out = new Set<Promise<void>>();
    try {
      let jobs: ReindexJob[] = [];
      const send = async (): Promise<void> => {
        const task = this.prepare(jobs);
        jobs = [];
        out.add(task);
        const done = (): boolean => out.delete(task);
        task.then(done, done);
        while (out.size >= TASKS_OUT) await Promise.race(out);
      };
      for await (const batch of this.options.store.readRaw(this.options.ids)) {
        if (this.stopped) break;
        for (const { id, payload } of batch) {
          const job = payload ? this.job(id, { bytes: payload }) : await this.readAlone(id);
          if (job) jobs.push(job);
          if (jobs.length >= TASK_ARTICLES) await send();
        }
        await this.room();
      }
      if (jobs.length > 0) await send();
      await Promise.all(out);
    } catch {
      // Whatever was not prepared is read the usual way (the index) or computed again
      // (signatures and entities rebuild what they lack).
      await Promise.allSettled(out);
    } finally {
      for (const [id, slot] of this.slots) if (!slot.settled) this.settle(id, { kind: 'fallback' });
      await this.pool?.close();
    }
  }

  /**
   * The index is done with the pass: nothing more is kept for it. `stop` (the index failed,
   * so the reindex does too) also ends the pass early.
   */
  release(stop = false): void {
    this.released = true;
    if (stop) this.stopped = true;
    for (const [id, slot] of this.slots) {
      if (slot.settled) {
        this.slots.delete(id);
        this.untaken--;
      }
    }
    this.wake?.();
  }

  private job(id: string, source: Pick<ReindexJob, 'bytes' | 'stored'>): ReindexJob {
    const cached = this.options.cached;
    return {
      id,
      ...this.options.labelOf(id),
      ...source,
      sign: !cached?.sigs.has(id),
      findNames: !cached?.names.has(id),
      redate: this.options.redate ?? true,
    };
  }

  /** An article the sequential read could not give, read the usual way. */
  private async readAlone(id: string): Promise<ReindexJob | null> {
    try {
      const stored = await this.options.store.read(id);
      if (stored) return this.job(id, { stored });
      this.settle(id, { kind: 'missing' });
    } catch (e) {
      this.settle(id, { kind: 'prepared', prepared: { id, ok: false, reason: errorMessage(e) } });
    }
    return null;
  }

  private async prepare(jobs: ReindexJob[]): Promise<void> {
    let prepared: Prepared[];
    if (this.pool && !this.pool.broken) {
      try {
        prepared = await this.pool.run({ jobs });
      } catch {
        // The worker failed or died: the outcome must not depend on it.
        prepared = prepareBatch(jobs);
      }
    } else prepared = prepareBatch(jobs);
    for (const p of prepared) this.settle(p.id, { kind: 'prepared', prepared: p });
  }

  private settle(id: string, outcome: PassOutcome): void {
    if (outcome.kind !== 'fallback') {
      const p = outcome.kind === 'prepared' ? outcome.prepared : null;
      const cached = this.options.cached;
      this.sigs.set(
        id,
        p?.ok ? (p.sig === undefined ? (cached?.sigs.get(id) ?? null) : p.sig) : null,
      );
      this.names.set(id, p?.ok ? (p.names ?? cached?.names.get(id) ?? []) : []);
      this.options.onOutcome(id, outcome);
    }
    const slot = this.slots.get(id);
    if (!slot || slot.settled) return;
    slot.settled = true;
    slot.resolve(outcome);
    if (slot.wanted) {
      // Asked for already: handed over now, and not kept.
      this.wanted--;
      this.slots.delete(id);
    } else if (this.released) this.slots.delete(id);
    else this.untaken++;
    this.wake?.();
  }

  /** Waits while enough documents wait for the index and it asks for none not yet read. */
  private async room(): Promise<void> {
    while (!this.released && this.wanted === 0 && this.untaken >= DOCS_AHEAD) {
      await new Promise<void>((done) => (this.wake = done));
      this.wake = null;
    }
  }
}
