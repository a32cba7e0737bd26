// The LibraryEngine implementation over article files, the catalogue and a search index.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ImportOptions, LibraryChange, LibraryEngine, OpenOptions } from '../engine';
import { ArchiveError } from '../errors';
import { runImport, type PendingArticle } from '../import/pipeline';
import type { IndexDoc, SearchIndexApi, SearchIndexOptions } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import { ArticleStore } from '../store/article-store';
import { Catalog, type CatalogProblem } from '../store/catalog';
import type { LibraryLock } from '../store/lock';
import type * as T from '../types';
import { loadArticle, loadStored, toIndexDoc } from './article-text';
import { assertId, checkIds, notFound } from './ids';
import { checkPaging, recordFilter, sortRecords } from './list-query';
import { toMeta } from './meta';
import { prepareFolder } from './open-folder';
import { runSearch, type MakeSnippet } from './search-runner';
import { SerialQueue } from './serial-queue';
import { computeStats } from './stats';
import { TagOps } from './tag-ops';

/** What the engine needs from the search side; the real one comes from main/core/search. */
export interface EngineDeps {
  createIndex: (options: SearchIndexOptions) => SearchIndexApi;
  makeSnippet: MakeSnippet;
}

// Index updates from an import are sent in batches of this many documents.
const INDEX_BATCH = 256;
// Bulk edits are written (and fsynced) in chunks of this many article files.
const WRITE_CHUNK = 256;
const DEFAULT_LIST_LIMIT = 100;

/** Opens a library folder; see `Library.open`. */
export async function openLibraryWith(dir: string, options: OpenOptions, deps: EngineDeps): Promise<LibraryEngine> {
  const path = resolve(dir);
  const readOnly = options.readOnly ?? false;
  const lock = await prepareFolder(path, { create: options.create ?? true, readOnly });
  try {
    const store = new ArticleStore(path);
    if (!readOnly) await store.sweep();
    const { catalog, problems } = await Catalog.load(path, store, readOnly);
    const engine = new LibraryImpl(path, readOnly, store, catalog, lock, problems, deps, options);
    engine.startIndex(options.onIndexProgress);
    return engine;
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

class LibraryImpl implements LibraryEngine {
  private index: SearchIndexApi;
  private indexReady: Promise<void> = Promise.resolve();
  private indexError: unknown = null;
  private readonly writes = new SerialQueue();
  private readonly listeners = new Set<(c: LibraryChange) => void>();
  private readonly tags: TagOps;
  private closed: Promise<void> | null = null;

  constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly lock: LibraryLock | null,
    private readonly problems: CatalogProblem[],
    private readonly deps: EngineDeps,
    private readonly options: OpenOptions,
  ) {
    this.index = this.makeIndex();
    this.tags = new TagOps(catalog, (ids, edit) => this.updateRecords(ids, edit, 'tags'), () => this.checkWritable());
  }

  private makeIndex(): SearchIndexApi {
    return this.deps.createIndex({
      dir: join(this.path, 'index'),
      loadDoc: (id) => this.loadDoc(id),
      workerScript: this.options.workerScript,
      workerExecArgv: this.options.workerExecArgv,
      readOnly: this.readOnly,
    });
  }

  /** Opens the index in the background: list() and get() never wait for it. */
  startIndex(onProgress?: (p: { done: number; total: number }) => void): void {
    const expected = new Map<string, number>();
    for (const r of this.catalog.records.values()) expected.set(r.id, r.rev);
    this.indexError = null;
    this.indexReady = this.index.open(expected, onProgress).catch((e: unknown) => {
      this.indexError = e;
    });
  }

  private async readyIndex(): Promise<SearchIndexApi> {
    await this.indexReady;
    if (this.indexError) {
      const reason = this.indexError instanceof Error ? this.indexError.message : String(this.indexError);
      throw new ArchiveError('INTERNAL', `The search index could not be opened: ${reason}. Try reindexing.`);
    }
    return this.index;
  }

  private async loadDoc(id: string): Promise<IndexDoc | null> {
    try {
      const { stored, clean } = await loadArticle(this.store, id);
      return toIndexDoc(stored.record, clean.body);
    } catch {
      return null;
    }
  }

  private checkWritable(): void {
    if (this.closed) throw new ArchiveError('FORBIDDEN', `The library at ${this.path} is closed.`);
    if (this.readOnly) {
      throw new ArchiveError('FORBIDDEN', `The library at ${this.path} was opened read-only; changes are not allowed.`);
    }
  }

  private emit(change: LibraryChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing listener must not break the write that triggered it.
      }
    }
  }

  private record(id: string): ArticleRecord {
    assertId(id);
    const r = this.catalog.records.get(id);
    if (!r) throw notFound(id);
    return r;
  }

  async importSources(sources: T.ImportSource[], options?: ImportOptions): Promise<T.ImportSummary> {
    this.checkWritable();
    if (!Array.isArray(sources)) throw new ArchiveError('BAD_ARGUMENT', 'Expected a list of files to import');
    let docs: IndexDoc[] = [];
    const sendDocs = async () => {
      if (docs.length === 0) return;
      const batch = docs;
      docs = [];
      await (await this.readyIndex()).upsert(batch);
    };
    const summary = await runImport(
      sources,
      {
        existingTitle: (id) => this.catalog.records.get(id)?.title,
        commit: async (chunk: PendingArticle[]) => {
          const fresh = await this.writes.run(() => this.commitImport(chunk));
          if (fresh.length === 0) return;
          this.emit({ reason: 'import', ids: fresh.map((p) => p.doc.id) });
          docs.push(...fresh.map((p) => p.doc));
          if (docs.length >= INDEX_BATCH) await sendDocs();
        },
      },
      options,
    );
    await sendDocs();
    return summary;
  }

  /** Writes a chunk of new articles durably, then adds them to the catalogue. */
  private async commitImport(chunk: PendingArticle[]): Promise<PendingArticle[]> {
    const fresh = chunk.filter((p) => !this.catalog.records.has(p.article.record.id));
    if (fresh.length === 0) return fresh;
    const ids = fresh.map((p) => p.article.record.id);
    await this.catalog.begin(ids);
    await this.store.write(fresh.map((p) => p.article));
    await this.catalog.put(fresh.map((p) => p.article.record));
    await this.catalog.maybeCompact();
    return fresh;
  }

  /**
   * Applies `edit` to each article's record (null = unchanged), rewriting the changed files
   * atomically. Tag edits bump `rev` and go to the index.
   */
  private async updateRecords(
    ids: string[],
    edit: (r: ArticleRecord) => Partial<ArticleRecord> | null,
    reason: LibraryChange['reason'],
  ): Promise<string[]> {
    this.checkWritable();
    return this.writes.run(async () => {
      const changed: string[] = [];
      for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
        const part = ids.slice(i, i + WRITE_CHUNK).filter((id) => {
          const r = this.catalog.records.get(id);
          return r !== undefined && edit(r) !== null;
        });
        if (part.length === 0) continue;
        await this.catalog.begin(part);
        const updated = [];
        const docs: IndexDoc[] = [];
        for (const id of part) {
          const stored = await loadStored(this.store, id);
          const patch = edit(stored.record);
          if (!patch) continue;
          const record: ArticleRecord = { ...stored.record, ...patch };
          if (patch.tags) {
            record.rev = stored.record.rev + 1;
            const doc = await this.loadDoc(id);
            if (doc) docs.push({ ...doc, rev: record.rev, tags: [...record.tags] });
          }
          updated.push({ record, original: stored.original });
        }
        await this.store.write(updated);
        await this.catalog.put(updated.map((u) => u.record));
        changed.push(...updated.map((u) => u.record.id));
        if (docs.length) await (await this.readyIndex()).upsert(docs);
      }
      await this.catalog.maybeCompact();
      if (changed.length) this.emit({ reason, ids: changed });
      return changed;
    });
  }

  async list(query: T.ListQuery = {}): Promise<T.ArticlePage> {
    const { offset, limit } = checkPaging(query.offset, query.limit, DEFAULT_LIST_LIMIT);
    const keep = recordFilter(query);
    const matching = [...this.catalog.records.values()].filter(keep);
    sortRecords(matching, query.sort ?? 'imported', query.order ?? 'desc');
    return { total: matching.length, offset, items: matching.slice(offset, offset + limit).map(toMeta) };
  }

  async get(id: T.ArticleId, options?: { highlight?: string }): Promise<T.ArticleView> {
    const r = this.record(id);
    const { original, clean } = await loadArticle(this.store, id);
    const view: T.ArticleView = {
      ...toMeta(r),
      dateline: clean.dateline,
      body: clean.body,
      original,
      matches: [],
      titleMatches: [],
    };
    const query = options?.highlight;
    if (query && query.trim() !== '') {
      try {
        view.matches = this.index.highlight(query, clean.body, r.language);
        view.titleMatches = this.index.highlight(query, r.title, r.language);
      } catch {
        // The reader still opens when the highlight query does not parse.
      }
    }
    return view;
  }

  async search(query: T.SearchQuery): Promise<T.SearchResult> {
    if (!query || typeof query !== 'object') throw new ArchiveError('BAD_ARGUMENT', 'Expected a search query');
    const index = typeof query.query === 'string' && query.query.trim() !== '' ? await this.readyIndex() : this.index;
    return runSearch(query, { index, catalog: this.catalog, store: this.store, makeSnippet: this.deps.makeSnippet });
  }

  async addTags(ids: T.ArticleId[], tags: string[]): Promise<T.TagSnapshot> {
    return this.tags.add(this.knownIds(ids), tags);
  }
  async removeTags(ids: T.ArticleId[], tags: string[]): Promise<T.TagSnapshot> {
    return this.tags.remove(this.knownIds(ids), tags);
  }
  async restoreTags(snapshot: T.TagSnapshot): Promise<void> {
    return this.tags.restore(snapshot);
  }
  async listTags(): Promise<T.TagCount[]> {
    return this.tags.list();
  }
  async renameTag(from: string, to: string): Promise<T.TagSnapshot> {
    return this.tags.rename(from, to);
  }
  async deleteTag(name: string): Promise<T.TagSnapshot> {
    return this.tags.delete(name);
  }

  /** Checks ids and that each names an article; throws NOT_FOUND naming the first unknown. */
  private knownIds(ids: unknown): string[] {
    const list = checkIds(ids);
    for (const id of list) this.record(id);
    return list;
  }

  async setRead(ids: T.ArticleId[], read: boolean): Promise<void> {
    const list = this.knownIds(ids);
    await this.updateRecords(list, (r) => (r.read === !!read ? null : { read: !!read }), 'state');
  }

  async setFavourite(ids: T.ArticleId[], favourite: boolean): Promise<void> {
    const list = this.knownIds(ids);
    await this.updateRecords(list, (r) => (r.favourite === !!favourite ? null : { favourite: !!favourite }), 'state');
  }

  async setPosition(id: T.ArticleId, position: number): Promise<void> {
    this.record(id);
    if (typeof position !== 'number' || !Number.isFinite(position) || position < 0 || position > 1) {
      throw new ArchiveError('BAD_ARGUMENT', `Reading position must be between 0 and 1, not ${String(position)}`);
    }
    await this.updateRecords([id], (r) => (r.position === position ? null : { position }), 'state');
  }

  async trash(ids: T.ArticleId[]): Promise<void> {
    const list = this.knownIds(ids);
    const now = new Date().toISOString();
    await this.updateRecords(list, (r) => (r.trashedAt ? null : { trashedAt: now }), 'trash');
  }

  async restore(ids: T.ArticleId[]): Promise<void> {
    const list = this.knownIds(ids);
    await this.updateRecords(list, (r) => (r.trashedAt ? { trashedAt: null } : null), 'trash');
  }

  async emptyTrash(): Promise<{ removed: number }> {
    this.checkWritable();
    return this.writes.run(async () => {
      const ids = [...this.catalog.records.values()].filter((r) => r.trashedAt !== null).map((r) => r.id);
      if (ids.length === 0) return { removed: 0 };
      await this.catalog.begin(ids);
      await this.store.delete(ids);
      await this.catalog.remove(ids);
      await this.catalog.maybeCompact();
      await (await this.readyIndex()).remove(ids);
      this.emit({ reason: 'trash', ids });
      return { removed: ids.length };
    });
  }

  async reindex(onProgress?: (p: { done: number; total: number }) => void): Promise<void> {
    this.checkWritable();
    await this.writes.run(async () => {
      await this.indexReady;
      await this.index.close().catch(() => undefined);
      await rm(join(this.path, 'index'), { recursive: true, force: true });
      this.index = this.makeIndex();
      this.startIndex(onProgress);
      await this.readyIndex();
    });
    this.emit({ reason: 'reindex' });
  }

  async stats(): Promise<T.LibraryStats> {
    return computeStats(this.path, this.catalog.records.values(), this.tags.list(), this.index.stats(), this.problems);
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.writes.idle();
      await this.indexReady;
      try {
        await this.index.close();
      } finally {
        await this.catalog.close();
        await this.lock?.release();
        this.listeners.clear();
      }
    })();
    return this.closed;
  }
}
