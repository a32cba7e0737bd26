// The search index: LSM-style Lunr segments. Upserts become small fresh segments at once;
// background merges (on worker threads when a worker script is given) fold them into larger
// ones; a live map (id → segment) acts as the tombstone list. See docs/search.md.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ArchiveError, QueryError } from '../errors';
import type { ArticleId, TextRange } from '../types';
import { buildSegmentIndex } from './build-segment';
import { highlightClauses } from './highlight';
import { LunrSegmentIndex } from './lunr-segment';
import { pickMerge } from './merge-policy';
import {
  clearIndexDir,
  readManifest,
  readSegmentDocs,
  readVerified,
  writeManifest,
  writeSegmentFiles,
  INDEX_FORMAT,
  type SegmentEntry,
} from './persistence';
import { PhraseChecker } from './phrase-check';
import { parseQuery } from './query-parser';
import { evaluate } from './query-eval';
import { Segment } from './segment';
import type {
  IndexDoc,
  IndexProgress,
  IndexSearchResult,
  SearchIndexApi,
  SearchIndexOptions,
} from './types';
import { validateDocs } from './validate';
import { WorkerPool } from './worker-pool';

/** Knobs for tests and benchmarks; the defaults suit the app. */
export interface IndexTuning {
  /** Batches smaller than this are built on the calling thread even with a worker. */
  workerMinDocs: number;
  /** Documents per segment when (re)building from the article store. */
  batchSize: number;
  /** How long a search waits for persisted segments to load before answering partially. */
  searchWaitMs: number;
  /** Delay before changes are persisted in the background (flush persists at once). */
  persistDelayMs: number;
  /** Run background merges (off: segments stay as built, for tests). */
  merge: boolean;
}

const DEFAULT_TUNING: IndexTuning = {
  workerMinDocs: 200,
  batchSize: 2000,
  searchWaitMs: 2000,
  persistDelayMs: 3000,
  merge: true,
};

const LOAD_CONCURRENCY = 16;

export class SearchIndex implements SearchIndexApi {
  private segments: Segment[] = [];
  private readonly entries = new Map<number, SegmentEntry>();
  private readonly live = new Map<ArticleId, { seq: number; rev: number }>();
  private readonly liveCount = new Map<number, number>();
  private nextSeq = 1;
  private chain: Promise<unknown> = Promise.resolve();
  private merging: Promise<void> | null = null;
  private loading: Promise<void> | null = null;
  private persisting: Promise<void> = Promise.resolve();
  private persistTimer: NodeJS.Timeout | null = null;
  private backgroundError: unknown = null;
  private dirty = false;
  private opened = false;
  private warnedFallback = false;
  private closed = false;
  private readonly pool: WorkerPool | null;
  private readonly phrases: PhraseChecker;
  private readonly tuning: IndexTuning;

  constructor(
    private readonly options: SearchIndexOptions,
    tuning: Partial<IndexTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.pool = options.workerScript
      ? new WorkerPool(options.workerScript, options.workerExecArgv ?? [])
      : null;
    this.phrases = new PhraseChecker(options.loadDoc);
  }

  /** Loads persisted segments (lazily) and reconciles them with `expected` (id → rev). */
  async open(expected: Map<ArticleId, number>, onProgress?: (p: IndexProgress) => void) {
    if (this.opened || this.closed)
      throw new ArchiveError('INTERNAL', 'The index is already open.');
    const { dir, readOnly } = this.options;
    if (!readOnly) await fs.mkdir(dir, { recursive: true });
    const read = await readManifest(dir);
    if ('manifest' in read) await this.adopt(read.manifest);
    else if (read.problem !== 'missing') {
      this.dirty = true;
      if (!readOnly) await clearIndexDir(dir);
    }
    this.opened = true;
    const extra = [...this.live.keys()].filter((id) => !expected.has(id));
    this.removeNow(extra);
    const todo = [...expected].filter(([id, rev]) => this.live.get(id)?.rev !== rev);
    this.loading = this.loadSegments();
    await this.indexFromStore(
      todo.map(([id]) => id),
      onProgress,
    );
    this.scheduleMerge();
    if (this.dirty) this.schedulePersist();
  }

  private async adopt(manifest: { nextSeq: number; segments: SegmentEntry[] }): Promise<void> {
    this.nextSeq = manifest.nextSeq;
    for (const entry of [...manifest.segments].sort((a, b) => a.seq - b.seq)) {
      const docs = await readSegmentDocs(this.options.dir, entry);
      // A damaged doc list drops the segment; reconciling then re-indexes its documents.
      if (!docs) {
        this.dirty = true;
        continue;
      }
      const seg = new Segment(entry.seq, docs, null);
      this.entries.set(entry.seq, entry);
      this.segments.push(seg);
      this.nextSeq = Math.max(this.nextSeq, entry.seq + 1);
      const dead = new Set(entry.dead);
      docs.ids.forEach((id, i) => {
        if (!dead.has(id)) this.setLive(id, entry.seq, docs.revs[i]!);
      });
    }
    this.dropEmpty();
  }

  /** Loads Lunr files newest first; a damaged one is dropped and its documents re-indexed. */
  private async loadSegments(): Promise<void> {
    for (const seg of [...this.segments].reverse()) {
      if (seg.loaded || this.closed) continue;
      await new Promise((r) => setImmediate(r));
      const entry = this.entries.get(seg.seq);
      const text = entry
        ? await readVerified(join(this.options.dir, entry.indexFile), entry.indexSha256)
        : null;
      let index: LunrSegmentIndex | null = null;
      try {
        if (text !== null) index = LunrSegmentIndex.fromJSON(JSON.parse(text));
      } catch {
        index = null;
      }
      if (!this.segments.includes(seg)) continue;
      if (index) {
        seg.setIndex(index);
        continue;
      }
      const ids = seg.docs.ids.filter((id) => this.live.get(id)?.seq === seg.seq);
      this.dropSegment(seg.seq);
      this.markDirty();
      await this.indexFromStore(ids);
    }
  }

  /** Adds documents, or replaces the indexed version of ones already present. */
  async upsert(docs: IndexDoc[]): Promise<void> {
    this.assertWritable();
    validateDocs(docs);
    const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
    if (unique.length === 0) return;
    this.phrases.forget(unique.map((d) => d.id));
    const batches: IndexDoc[][] = [];
    for (let i = 0; i < unique.length; i += this.tuning.batchSize) {
      batches.push(unique.slice(i, i + this.tuning.batchSize));
    }
    const built = batches.map((b) => this.build(b));
    built.forEach((p) => p.catch(() => undefined));
    for (const p of built) {
      const seg = await p;
      await this.enqueue(() => this.addSegment(seg));
    }
    this.scheduleMerge();
  }

  /** Removes documents from the index (unknown ids are ignored). */
  async remove(ids: ArticleId[]): Promise<void> {
    this.assertWritable();
    if (!Array.isArray(ids))
      throw new ArchiveError('BAD_ARGUMENT', 'remove() expects a list of ids.');
    this.phrases.forget(ids);
    await this.enqueue(() => this.removeNow(ids));
    this.scheduleMerge();
  }

  /** Runs a query; every matching live document, best first. */
  async search(query: string, filter?: (id: ArticleId) => boolean): Promise<IndexSearchResult> {
    this.assertOpen();
    if (typeof query !== 'string') throw new QueryError('The query must be text.');
    const clauses = parseQuery(query);
    if (this.loading) {
      let timer: NodeJS.Timeout | undefined;
      const wait = new Promise((r) => (timer = setTimeout(r, this.tuning.searchWaitMs)));
      await Promise.race([this.loading, wait]);
      clearTimeout(timer);
    }
    const segments = this.segments.filter((s) => s.loaded);
    const languages = this.languages();
    const hits = await evaluate(
      {
        segments,
        isLive: (id, seq) => this.live.get(id)?.seq === seq,
        liveIds: () => this.liveIdsIn(segments),
        languages,
        verifyPhrase: (c, ids) =>
          this.phrases.verify(c, ids, languages, (id) => this.live.get(id)?.rev),
        filter,
      },
      clauses,
    );
    return { hits, partial: segments.length < this.segments.length };
  }

  /** Ranges of `text` matched by the query's positive words and phrases; [] for bad queries. */
  highlight(query: string, text: string, language?: string): TextRange[] {
    let clauses;
    try {
      clauses = parseQuery(query);
    } catch (e) {
      if (e instanceof QueryError) return [];
      throw e;
    }
    return highlightClauses(clauses, text, language, this.languages());
  }

  stats(): { ready: boolean; segments: number; documents: number } {
    const ready = this.opened && !this.closed && this.segments.every((s) => s.loaded);
    return { ready, segments: this.segments.length, documents: this.live.size };
  }

  /** Waits for background merges and persists everything. */
  async flush(): Promise<void> {
    this.assertOpen();
    await this.settle();
    await this.persist();
    this.throwBackgroundError();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.opened) {
      await this.settle();
      if (!this.options.readOnly) await this.persist();
    }
    this.closed = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    await this.pool?.close();
  }

  /** The format version persisted indexes carry. */
  static readonly format = INDEX_FORMAT;

  private async settle(): Promise<void> {
    await this.loading;
    await this.chain;
    while (this.merging) {
      await this.merging;
      await this.chain;
    }
  }

  private liveIdsIn(segments: Segment[]): string[] {
    const seqs = new Set(segments.map((s) => s.seq));
    return [...this.live].filter(([, e]) => seqs.has(e.seq)).map(([id]) => id);
  }

  private languages(): string[] {
    const langs = new Set<string>();
    for (const s of this.segments) for (const l of s.languages.keys()) if (l) langs.add(l);
    return [...langs].sort();
  }

  private enqueue<T>(fn: () => T | Promise<T>): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async build(docs: IndexDoc[]): Promise<Segment> {
    const seq = this.nextSeq++;
    if (this.pool && docs.length >= this.tuning.workerMinDocs) {
      try {
        const r = await this.pool.build(docs);
        return new Segment(seq, r.docs, LunrSegmentIndex.fromJSON(JSON.parse(r.json)), r.json);
      } catch (e) {
        // A broken worker must not lose the update: build here instead, and say so once,
        // since every build then runs on the calling thread.
        if (this.closed) throw e;
        if (!this.warnedFallback) {
          this.warnedFallback = true;
          process.emitWarning(`Index worker failed; building on the calling thread: ${String(e)}`);
        }
      }
    }
    const r = buildSegmentIndex(docs);
    return new Segment(seq, r.docs, new LunrSegmentIndex(r.index));
  }

  private async loadMany(ids: string[]): Promise<IndexDoc[]> {
    const out: (IndexDoc | null)[] = new Array(ids.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const i = next++;
        out[i] = await this.options.loadDoc(ids[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, ids.length) }, worker));
    return out.filter((d): d is IndexDoc => d !== null);
  }

  /** Indexes documents read from the article store, a batch per segment, builds in parallel. */
  private async indexFromStore(ids: string[], onProgress?: (p: IndexProgress) => void) {
    const total = ids.length;
    let done = 0;
    onProgress?.({ done, total });
    const parallel = this.pool ? this.pool.size : 1;
    const pending: { seg: Promise<Segment>; count: number }[] = [];
    const commitOne = async (): Promise<void> => {
      const { seg, count } = pending.shift()!;
      const s = await seg;
      await this.enqueue(() => this.addSegment(s));
      done += count;
      onProgress?.({ done, total });
    };
    for (let i = 0; i < ids.length; i += this.tuning.batchSize) {
      const slice = ids.slice(i, i + this.tuning.batchSize);
      const docs = await this.loadMany(slice);
      const seg = this.build(validDocs(docs));
      seg.catch(() => undefined);
      pending.push({ seg, count: slice.length });
      while (pending.length >= parallel) await commitOne();
    }
    while (pending.length > 0) await commitOne();
  }

  private addSegment(seg: Segment, replaces?: Set<number>): void {
    this.segments.push(seg);
    this.segments.sort((a, b) => a.seq - b.seq);
    seg.docs.ids.forEach((id, i) => {
      const cur = this.live.get(id);
      // A merge only takes over documents still live in the segments it replaces.
      if (replaces && (!cur || !replaces.has(cur.seq))) return;
      this.setLive(id, seg.seq, seg.docs.revs[i]!);
    });
    if (replaces) for (const s of replaces) this.dropSegment(s);
    this.dropEmpty();
    this.markDirty();
  }

  private removeNow(ids: ArticleId[]): void {
    for (const id of ids) {
      const cur = this.live.get(id);
      if (!cur) continue;
      this.live.delete(id);
      this.liveCount.set(cur.seq, (this.liveCount.get(cur.seq) ?? 1) - 1);
    }
    this.dropEmpty();
    this.markDirty();
  }

  private setLive(id: ArticleId, seq: number, rev: number): void {
    const cur = this.live.get(id);
    if (cur) this.liveCount.set(cur.seq, (this.liveCount.get(cur.seq) ?? 1) - 1);
    this.live.set(id, { seq, rev });
    this.liveCount.set(seq, (this.liveCount.get(seq) ?? 0) + 1);
  }

  private dropSegment(seq: number): void {
    const seg = this.segments.find((s) => s.seq === seq);
    if (!seg) return;
    for (const id of seg.docs.ids) if (this.live.get(id)?.seq === seq) this.live.delete(id);
    this.segments = this.segments.filter((s) => s !== seg);
    this.liveCount.delete(seq);
    this.entries.delete(seq);
  }

  private dropEmpty(): void {
    for (const s of [...this.segments]) if (!this.liveCount.get(s.seq)) this.dropSegment(s.seq);
  }

  private scheduleMerge(): void {
    if (!this.tuning.merge || this.merging || this.closed || !this.opened) return;
    const pick = pickMerge(
      this.segments.map((s) => ({
        seq: s.seq,
        size: s.size,
        live: this.liveCount.get(s.seq) ?? 0,
      })),
    );
    if (!pick) return;
    this.merging = this.merge(new Set(pick))
      .catch((e) => {
        this.backgroundError = e;
      })
      .finally(() => {
        this.merging = null;
        if (!this.backgroundError) this.scheduleMerge();
      });
  }

  private async merge(seqs: Set<number>): Promise<void> {
    const ids = [...this.live].filter(([, e]) => seqs.has(e.seq)).map(([id]) => id);
    const docs = validDocs(await this.loadMany(ids));
    const seg = await this.build(docs);
    await this.enqueue(() => this.addSegment(seg, seqs));
  }

  private markDirty(): void {
    this.dirty = true;
    this.schedulePersist();
  }

  private schedulePersist(): void {
    if (this.options.readOnly || this.persistTimer || this.closed) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.persist().catch((e) => {
        this.backgroundError = e;
      });
    }, this.tuning.persistDelayMs);
    this.persistTimer.unref();
  }

  private persist(): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.options.readOnly || !this.dirty) return;
      this.dirty = false;
      const { dir } = this.options;
      for (const seg of this.segments) {
        if (this.entries.has(seg.seq)) continue;
        const json = seg.pendingJson ?? JSON.stringify(seg.index.index);
        const entry = await writeSegmentFiles(dir, seg.seq, seg.docs, json);
        seg.pendingJson = null;
        if (this.segments.includes(seg)) this.entries.set(seg.seq, { ...entry, dead: [] });
      }
      const segments: SegmentEntry[] = [];
      for (const seg of this.segments) {
        const entry = this.entries.get(seg.seq);
        if (!entry) {
          this.dirty = true;
          continue;
        }
        const dead = seg.docs.ids.filter((id) => this.live.get(id)?.seq !== seg.seq);
        segments.push({ ...entry, dead });
      }
      await writeManifest(dir, { format: INDEX_FORMAT, nextSeq: this.nextSeq, segments });
    };
    this.persisting = this.persisting.then(run, run);
    return this.persisting;
  }

  private throwBackgroundError(): void {
    const e = this.backgroundError;
    if (!e) return;
    this.backgroundError = null;
    throw e instanceof ArchiveError
      ? e
      : new ArchiveError('IO', `The search index could not be saved: ${String(e)}`);
  }

  private assertOpen(): void {
    if (this.closed) throw new ArchiveError('INTERNAL', 'The search index is closed.');
    if (!this.opened) throw new ArchiveError('INTERNAL', 'The search index is not open yet.');
  }

  private assertWritable(): void {
    this.assertOpen();
  }
}

function validDocs(docs: IndexDoc[]): IndexDoc[] {
  return docs.filter((d) => {
    try {
      validateDocs([d]);
      return true;
    } catch {
      return false;
    }
  });
}
