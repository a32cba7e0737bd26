// The LibraryEngine implementation over article files, the catalogue and a search index.
import { join, resolve } from 'node:path';
import type {
  GetOptions,
  ImportOptions,
  LibraryChange,
  LibraryEngine,
  OpenOptions,
  ReindexOptions,
} from '../engine';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import type { IndexDoc, SearchIndexApi, SearchIndexOptions } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import { ArticleStore } from '../store/article-store';
import { Catalog, type CatalogLoad, type CatalogProblem } from '../store/catalog';
import type { LibraryLock } from '../store/lock';
import type * as T from '../../contract/types';
import { decodeWithEncoding } from '../text/decode';
import { cleanArticle } from '../text/parse-article';
import { loadArticle, toIndexDoc } from './article-text';
import { ArticleProblems } from './article-problems';
import { checkLibrary } from './check-library';
import { runCloseSteps } from './close-steps';
import { importInto } from './import-into';
import { IndexSlot } from './index-slot';
import { assertId, checkIds, notFound } from './ids';
import { checkPaging, recordFilter, unfilteredTotal } from './list-query';
import { SortedOrders } from './sorted-orders';
import { toMeta } from './meta';
import { prepareFolder } from './open-folder';
import { runSearch, type MakeSnippet } from './search-runner';
import { relatedArticles } from './related-articles';
import { RecordWriter, type RecordEdit } from './record-writer';
import { computeStats } from './stats';
import { TagOps } from './tag-ops';
import { HighlightOps } from './highlight-ops';
import { articleMarkdown, highlightsMarkdown } from '../export/markdown';
import type * as H from '../../contract/highlights';
import type { RelatedQuery, RelatedResult } from '../../contract/related';
import type { VersionGroups } from '../../contract/versions';
import { LibraryVersions } from './library-versions';

/** What the engine needs from the search side; the real one comes from main/core/search. */
export interface EngineDeps {
  createIndex: (options: SearchIndexOptions) => SearchIndexApi;
  makeSnippet: MakeSnippet;
}

const DEFAULT_LIST_LIMIT = 100;

/** Opens a library folder; see `Library.open`. */
export async function openLibraryWith(
  dir: string,
  options: OpenOptions,
  deps: EngineDeps,
): Promise<LibraryEngine> {
  const path = resolve(dir);
  const readOnly = options.readOnly ?? false;
  const lock = await prepareFolder(path, { create: options.create ?? true, readOnly });
  try {
    const store = new ArticleStore(path);
    // Loading also sweeps the temp files a crash left, in the same walk of the article folders.
    const { catalog, problems, orders } = await Catalog.load(path, store, readOnly);
    const engine = new LibraryImpl(path, readOnly, store, catalog, lock, problems, deps, options);
    engine.adoptOrders(orders);
    engine.startIndex(options.onIndexProgress);
    engine.versions.start();
    return engine;
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

// How long the reader's article waits for version groups still being built at open.
const VERSIONS_WAIT_MS = 250;

class LibraryImpl implements LibraryEngine {
  private readonly slot: IndexSlot;
  private readonly writer: RecordWriter;
  private readonly listeners = new Set<(c: LibraryChange) => void>();
  private readonly tags: TagOps;
  private readonly highlights: HighlightOps;
  readonly versions: LibraryVersions;
  private readonly orders: SortedOrders;
  private readonly unreadable: ArticleProblems;
  private closed: Promise<void> | null = null;

  constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly lock: LibraryLock | null,
    problems: CatalogProblem[],
    private readonly deps: EngineDeps,
    private readonly options: OpenOptions,
  ) {
    this.unreadable = new ArticleProblems(problems);
    this.slot = new IndexSlot(
      () =>
        deps.createIndex({
          dir: join(path, 'index'),
          loadDoc: (id) => this.loadDoc(id),
          workerScript: options.workerScript,
          workerExecArgv: options.workerExecArgv,
          readOnly,
        }),
      join(path, 'index'),
    );
    this.writer = new RecordWriter(
      store,
      catalog,
      () => this.slot.get(),
      (c) => this.emit(c),
    );
    this.orders = new SortedOrders(catalog.records, () => catalog.membership);
    this.tags = new TagOps(
      catalog,
      (ids, edit) => this.updateRecords(ids, edit, 'tags'),
      () => this.checkWritable(),
    );
    this.versions = new LibraryVersions(path, store, catalog, readOnly);
    this.highlights = new HighlightOps(
      store,
      catalog,
      (ids, edit) => this.updateRecords(ids, edit, 'highlights'),
      () => this.checkWritable(),
    );
  }

  /** Uses the sort orders saved with the snapshot, and saves orders with later snapshots. */
  adoptOrders(saved: CatalogLoad['orders']): void {
    this.orders.seed(saved);
    this.catalog.orderSource = this.orders;
  }

  /** Opens the index in the background: list() and get() never wait for it. */
  startIndex(onProgress?: (p: { done: number; total: number }) => void): void {
    this.slot.start(this.expectedRevs(), onProgress);
  }

  private expectedRevs(): Map<string, number> {
    const expected = new Map<string, number>();
    for (const r of this.catalog.records.values()) expected.set(r.id, r.rev);
    return expected;
  }

  private async loadDoc(id: string): Promise<IndexDoc | null> {
    const path = this.store.pathOf(id);
    let stored;
    try {
      stored = await this.store.read(id);
    } catch (e) {
      // Listed in stats().problems (and so in the reindex report), left on disk untouched.
      this.unreadable.note(path, errorMessage(e));
      return null;
    }
    if (!stored) {
      this.unreadable.note(path, 'the file is missing (the catalogue lists it)');
      return null;
    }
    this.unreadable.clear(path);
    try {
      const text = decodeWithEncoding(stored.original, stored.record.encoding);
      return toIndexDoc(stored.record, cleanArticle(text).body);
    } catch {
      return null;
    }
  }

  private checkWritable(): void {
    if (this.closed) throw new ArchiveError('FORBIDDEN', `The library at ${this.path} is closed.`);
    if (this.readOnly) {
      throw new ArchiveError(
        'FORBIDDEN',
        `The library at ${this.path} was opened read-only; changes are not allowed.`,
      );
    }
  }

  private emit(change: LibraryChange): void {
    if (change.ids && (change.reason === 'import' || change.reason === 'trash')) {
      this.versions.sync(change.ids);
    }
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

  async importSources(
    sources: T.ImportSource[],
    options?: ImportOptions,
  ): Promise<T.ImportSummary> {
    this.checkWritable();
    const summary = await importInto(sources, options, {
      catalog: this.catalog,
      writer: this.writer,
      index: () => this.slot.get(),
      emit: (c) => this.emit(c),
      committed: (docs) => this.versions.addBodies(docs),
      workerScript: this.options.workerScript,
      workerExecArgv: this.options.workerExecArgv,
    });
    await this.versions.flush();
    return summary;
  }

  private updateRecords(ids: string[], edit: RecordEdit, reason: LibraryChange['reason']) {
    this.checkWritable();
    return this.writer.update(ids, edit, reason);
  }

  async list(query: T.ListQuery = {}): Promise<T.ArticlePage> {
    const { offset, limit } = checkPaging(query.offset, query.limit, DEFAULT_LIST_LIMIT);
    const keep = recordFilter(query);
    const items: T.ArticleMeta[] = [];
    // Without filters the total is a count the catalogue keeps, so the walk stops at the page.
    const { records, trashedIds } = this.catalog;
    const counted = unfilteredTotal(query, records.size, trashedIds.size);
    let total = 0;
    for (const r of this.orders.sorted(query.sort ?? 'imported', query.order ?? 'desc')) {
      if (!keep(r)) continue;
      if (total >= offset && items.length < limit) items.push(toMeta(r));
      total++;
      if (counted !== null && items.length >= limit) break;
    }
    return { total: counted ?? total, offset, items };
  }

  async get(id: T.ArticleId, options?: GetOptions): Promise<T.ArticleView> {
    const r = this.record(id);
    const { stored, original, clean } = await loadArticle(this.store, id);
    const view: T.ArticleView = {
      ...toMeta(r),
      dateline: clean.dateline,
      body: clean.body,
      original,
      matches: [],
      titleMatches: [],
      highlights: this.highlights.place(stored.record, clean.body),
      versions: await this.versions.versionsOf(
        id,
        options?.waitForVersions ? Infinity : VERSIONS_WAIT_MS,
      ),
    };
    const query = options?.highlight;
    if (query && query.trim() !== '') {
      try {
        view.matches = this.slot.current.highlight(query, clean.body, r.language);
        view.titleMatches = this.slot.current.highlight(query, r.title, r.language);
      } catch {
        // The reader still opens when the highlight query does not parse.
      }
    }
    return view;
  }

  async search(query: T.SearchQuery): Promise<T.SearchResult> {
    if (!query || typeof query !== 'object')
      throw new ArchiveError('BAD_ARGUMENT', 'Expected a search query');
    const index =
      typeof query.query === 'string' && query.query.trim() !== ''
        ? await this.slot.get()
        : this.slot.current;
    const result = await runSearch(query, {
      index,
      catalog: this.catalog,
      store: this.store,
      makeSnippet: this.deps.makeSnippet,
    });
    const damage = result.partial ? (index.damaged?.() ?? []) : [];
    // A read-only open cannot repair the index on disk and its in-memory repair is still
    // running: an answer now would quietly miss hits.
    if (this.readOnly && damage.length > 0) {
      const first = damage[0]!;
      throw new ArchiveError(
        'LIBRARY_CORRUPT',
        `The search index is damaged (index/${first.path}: ${first.reason}); run 'archive-reader reindex' or open the library in Archive Reader to repair it.`,
      );
    }
    return result;
  }

  async listVersions(): Promise<VersionGroups> {
    return { groups: await this.versions.list() };
  }

  related(args: RelatedQuery): Promise<RelatedResult> {
    return relatedArticles(args, {
      index: () => this.slot.get(),
      catalog: this.catalog,
      store: this.store,
      versionsOf: (id) => this.versions.versionsOf(id),
    });
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
  async tagsOf(ids: T.ArticleId[]): Promise<T.TagCount[]> {
    return this.tags.countsFor(this.knownIds(ids));
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
    await this.updateRecords(
      list,
      (r) => (r.favourite === !!favourite ? null : { favourite: !!favourite }),
      'state',
    );
  }

  async setPosition(id: T.ArticleId, position: number): Promise<void> {
    this.record(id);
    if (
      typeof position !== 'number' ||
      !Number.isFinite(position) ||
      position < 0 ||
      position > 1
    ) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `Reading position must be between 0 and 1, not ${String(position)}`,
      );
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
    const result = await this.writer.emptyTrash();
    await this.versions.flush();
    return result;
  }

  async purge(ids: T.ArticleId[]): Promise<{ removed: number }> {
    this.checkWritable();
    const result = await this.writer.purge(ids);
    await this.versions.flush();
    return result;
  }

  async reindex(options: ReindexOptions = {}): Promise<void> {
    this.checkWritable();
    await this.writer.run(async () => {
      // Every file is read again, so only this rebuild's failures are reported after it.
      this.unreadable.resetReads();
      await this.slot.rebuild(this.expectedRevs(), options.onProgress);
      await this.versions.rebuild();
    });
    this.emit({ reason: 'reindex' });
  }

  async stats(): Promise<T.LibraryStats> {
    return computeStats(
      this.path,
      this.catalog.records.values(),
      this.tags.list(),
      this.slot.current.stats(),
      [...this.unreadable.list(), ...this.slot.problems((id) => this.store.pathOf(id))],
    );
  }

  async check(): Promise<T.CheckReport> {
    // A writable open saves the index in the background: saved now, the files on disk are
    // what is checked, not a save still pending.
    if (!this.readOnly) await (await this.slot.get()).flush();
    return checkLibrary({
      dir: this.path,
      store: this.store,
      records: this.catalog.records,
      holdsLock: this.lock !== null,
      settle: () => this.writer.idle(),
    });
  }

  addHighlight(args: H.NewHighlight): Promise<H.Highlight> {
    return this.highlights.add(args);
  }

  updateHighlight(args: H.HighlightPatch): Promise<H.Highlight> {
    return this.highlights.change(args);
  }

  removeHighlight(args: { id: string }): Promise<H.RemovedHighlight> {
    return this.highlights.remove(args);
  }

  restoreHighlight(args: H.RemovedHighlight): Promise<H.Highlight> {
    return this.highlights.restore(args);
  }

  listHighlights(args: H.HighlightQuery = {}): Promise<H.ListedHighlight[]> {
    return this.highlights.list(args);
  }

  async exportHighlights(
    args: H.HighlightQuery = {},
  ): Promise<{ markdown: string; count: number }> {
    const list = await this.highlights.list(args);
    return { markdown: highlightsMarkdown(list, new Date().toISOString()), count: list.length };
  }

  async exportMarkdown(args: { ids: T.ArticleId[] }): Promise<{ markdown: string; count: number }> {
    const parts: string[] = [];
    for (const id of this.knownIds(args?.ids)) {
      const { stored, clean } = await loadArticle(this.store, id);
      const meta = toMeta(this.record(id));
      parts.push(
        articleMarkdown(
          { ...meta, body: clean.body },
          this.highlights.place(stored.record, clean.body),
        ),
      );
    }
    return { markdown: parts.join('\n\n---\n\n') + '\n', count: parts.length };
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.writer.idle();
      try {
        await runCloseSteps([
          () => this.slot.close(),
          () => this.catalog.close(),
          () => this.versions.close(),
          async () => await this.lock?.release(),
        ]);
      } finally {
        this.listeners.clear();
      }
    })();
    return this.closed;
  }
}
