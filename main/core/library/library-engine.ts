// The LibraryEngine implementation over article files, the catalogue and a search index.
import { join, resolve } from 'node:path';
import type {
  GetOptions,
  ImportOptions,
  LibraryChange,
  LibraryEngine,
  OpenOptions,
  ReindexOptions,
  WatchRunOptions,
} from '../engine';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import type {
  ExpectedRevisions,
  IndexDoc,
  SearchIndexApi,
  SearchIndexOptions,
} from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import { ArticleStore } from '../store/article-store';
import { Catalog, type CatalogLoad, type CatalogProblem } from '../store/catalog';
import type { LibraryLock } from '../store/lock';
import type * as T from '../../contract/types';
import { cleanArticle } from '../text/parse-article';
import { sourceTextOf } from '../html/source-text';
import { DateRefresh } from './date-refresh';
import { datesAreCurrent, markDatesCurrent } from './date-finder-mark';
import { articleTimeline } from './timeline';
import type { Timeline, TimelineQuery } from '../../contract/timeline';
import { webPageFactsOf } from '../html/web-page-record';
import { loadArticle, toIndexDoc } from './article-text';
import { ArticleProblems } from './article-problems';
import { checkLibrary } from './check-library';
import { runCloseSteps } from './close-steps';
import { importInto } from './import-into';
import { IndexSlot } from './index-slot';
import { ReindexPass, type PassOutcome } from './reindex-pass';
import { assertId, checkIds, notFound } from './ids';
import { checkPaging, pageOf, recordFilter, unfilteredTotal } from './list-query';
import { SortedOrders } from './sorted-orders';
import { toMeta } from './meta';
import { prepareFolder } from './open-folder';
import { runSearch, type MakeSnippet } from './search-runner';
import { readerDamage } from './reader-damage';
import { relatedArticles } from './related-articles';
import { RecordWriter, type RecordEdit } from './record-writer';
import { computeStats } from './stats';
import { TagOps } from './tag-ops';
import { tagKey, withTags } from './tags';
import { HighlightOps } from './highlight-ops';
import { articleMarkdown, highlightsMarkdown } from '../export/markdown';
import { runExport, type ExportRunOptions } from '../export/run-export';
import { exportRequestSchema, type ExportRequest, type ExportResult } from '../../contract/export';
import { librarySource } from './export-source';
import type * as H from '../../contract/highlights';
import type { RelatedQuery, RelatedResult } from '../../contract/related';
import type { ArticleVersions, VersionDiff, VersionGroups } from '../../contract/versions';
import { LibraryVersions } from './library-versions';
import { LibraryEntities } from '../entities/library-entities';
import { entityFacets } from '../entities/entity-facets';
import { listCounts } from '../entities/entity-index';
import type { EntityList, EntityListQuery } from '../../contract/entities';
import type { EntityFacets, EntityFacetsQuery } from '../../contract/entity-facets';
import type { NameMatcher } from '../search/types';
import { Organiser } from '../organise/organiser';
import { deriveLegacyCollections } from '../organise/legacy-collections';
import type * as O from '../../contract/organise';
import { FolderWatch } from '../watch/folder-watch';
import type { WatchList, WatchPathArgs, WatchStatus } from '../../contract/watch';
import { compareVersions } from './compare-versions';
import { statsHidingVersions } from './version-stats';
import { Foreground } from './foreground';

/** What the engine needs from the search side; the real one comes from main/core/search. */
export interface EngineDeps {
  createIndex: (options: SearchIndexOptions) => SearchIndexApi;
  makeSnippet: MakeSnippet;
}

const DEFAULT_LIST_LIMIT = 100;
// How long rules wait for index segments still loading, and how often they look again.
const MATCH_WAIT_MS = 120_000;
const MATCH_RETRY_MS = 100;
// Search fields answered from the entities (person:, org:).
const NAME_FIELD = /(?:^|[\s(+-])(?:person|org):/iu;
// place: also finds the places the entities name (query-eval.ts).
const PLACE_FIELD = /(?:^|[\s(+-])place:/iu;

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
    // Articles imported before collections get theirs from their source paths (in memory:
    // written to their files with their next change, and to the catalogue's next snapshot).
    // Only records lacking a folder or a collection take part, so the others stay unbuilt.
    deriveLegacyCollections(catalog.records.legacyRecords());
    const engine = new LibraryImpl(path, readOnly, store, catalog, lock, problems, deps, options);
    engine.adoptOrders(orders);
    engine.startIndex(options.onIndexProgress, readOnly && options.deferIndex === true);
    if (options.discovery !== false) {
      engine.versions.start();
      engine.entities.start();
    }
    return engine;
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

// How long the reader's article waits for version groups still being built at open.
const VERSIONS_WAIT_MS = 250;
// After the first list, the groups (for the rows' "N versions") are built once the index is
// open and this long has passed, so they do not share the CPU with the first searches.
const VERSIONS_WARM_DELAY_MS = 1000;

class LibraryImpl implements LibraryEngine {
  private readonly slot: IndexSlot;
  private readonly writer: RecordWriter;
  private readonly listeners = new Set<(c: LibraryChange) => void>();
  private readonly tags: TagOps;
  private readonly highlights: HighlightOps;
  private readonly organise: Organiser;
  readonly versions: LibraryVersions;
  // Searches tell background work (groups, entities) to wait for a quiet moment.
  private readonly foreground = new Foreground();
  readonly entities: LibraryEntities;
  private readonly orders: SortedOrders;
  private readonly unreadable: ArticleProblems;
  private closed: Promise<void> | null = null;
  // Set while a reindex reads every article: dates found again (see date-refresh.ts).
  private redating: DateRefresh | null = null;
  // Set while a reindex reads every article once: the index takes its documents from it.
  private reindexing: ReindexPass | null = null;
  private readonly watch: FolderWatch;
  private versionsWarming = false;

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
    this.versions = new LibraryVersions(
      path,
      store,
      catalog,
      readOnly,
      () => this.emit({ reason: 'versions' }),
      this.foreground,
    );
    this.entities = new LibraryEntities(
      path,
      store,
      catalog,
      readOnly,
      () => this.emit({ reason: 'entities' }),
      this.foreground,
    );
    this.watch = new FolderWatch({
      libraryDir: path,
      importFiles: (paths, signal) =>
        this.importSources(
          paths.map((p) => ({ path: p })),
          { signal },
        ),
    });
    this.highlights = new HighlightOps(
      store,
      catalog,
      (ids, edit) => this.updateRecords(ids, edit, 'highlights'),
      () => this.checkWritable(),
    );
    this.organise = new Organiser({
      dir: path,
      catalog,
      checkWritable: () => this.checkWritable(),
      update: (ids, edit) => this.updateRecords(ids, edit, 'state'),
      list: (query, restrict) => this.list(query, restrict),
      search: (query, restrict) => this.search(query, restrict),
      match: (query, among) => this.matchIds(query, among),
      addTag: async (ids, tags) => void (await this.tags.add(ids, tags)),
      addTagsEach: (tagsOf) => this.addTagsEach(tagsOf),
      removeTag: async (ids, tag) => void (await this.tags.remove(ids, [tag])),
    });
  }

  /** Uses the sort orders saved with the snapshot, and saves orders with later snapshots. */
  adoptOrders(saved: CatalogLoad['orders']): void {
    this.orders.seed(saved);
    this.catalog.orderSource = this.orders;
  }

  /** Opens the index in the background: list() and get() never wait for it. */
  startIndex(onProgress?: (p: { done: number; total: number }) => void, deferred = false): void {
    this.slot.start(() => this.expectedRevs(), onProgress, deferred);
  }

  private expectedRevs(): ExpectedRevisions {
    // Read from the catalogue's columns: a search builds only the records of its hits. A
    // reader's catalogue does not change while its index opens, so it reads them in place.
    const records = this.catalog.records;
    return this.readOnly ? records.revisionsView() : records.revisions();
  }

  private async loadDoc(id: string): Promise<IndexDoc | null> {
    const passed = await this.reindexing?.doc(id);
    if (passed !== undefined) return passed;
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
      const text = sourceTextOf(stored);
      const clean = cleanArticle(text);
      this.redating?.note(stored.record, text, clean);
      return toIndexDoc(stored.record, clean.body);
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
    if (change.ids) this.entities.sync(change.ids);
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
    // Entities are extracted after the import, never on its thread while it runs.
    const release = this.entities.hold();
    // Rules tag each article before its file is written (docs/organise.md, "Cost at import").
    const tagging = await this.organise.rules.beginImport();
    const summary = await importInto(sources, options, {
      catalog: this.catalog,
      writer: this.writer,
      index: () => this.slot.get(),
      emit: (c) => this.emit(c),
      committed: (docs) => {
        if (this.options.discovery === false) return;
        this.versions.addBodies(docs);
        this.entities.addDocs(docs);
      },
      tagging,
      workerScript: this.options.workerScript,
      workerExecArgv: this.options.workerExecArgv,
    })
      .catch(async (e: unknown) => {
        // What was written keeps its tags; the rules still learn which articles they tagged.
        await tagging.finish().catch(() => undefined);
        throw e;
      })
      .finally(release);
    await tagging.finish();
    this.versions.saveSoon();
    return summary;
  }

  private updateRecords(ids: string[], edit: RecordEdit, reason: LibraryChange['reason']) {
    this.checkWritable();
    return this.writer.update(ids, edit, reason);
  }

  async list(
    query: T.ListQuery = {},
    restrict?: (r: ArticleRecord) => boolean,
  ): Promise<T.ArticlePage> {
    const { offset, limit } = checkPaging(query.offset, query.limit, DEFAULT_LIST_LIMIT);
    const { hideVersions, ...filter } = query;
    const matches = recordFilter(filter);
    const filtered = restrict ? (r: ArticleRecord) => matches(r) && restrict(r) : matches;
    // Hidden versions are never in the trash, so the trash's count stays as it is.
    const hidden = hideVersions ? await this.versions.hidden() : new Set<string>();
    const keep =
      hidden.size > 0 ? (r: ArticleRecord) => filtered(r) && !hidden.has(r.id) : filtered;
    this.warmVersions();
    // Without filters the total is a count the catalogue keeps, so the walk stops at the page.
    const { records, trashedIds } = this.catalog;
    const unfiltered = restrict ? null : unfilteredTotal(filter, records.size, trashedIds.size);
    const counted =
      unfiltered === null || filter.view === 'trash' ? unfiltered : unfiltered - hidden.size;
    // The command line's `list` walks the same pages without the engine (main/cli/catalog-list.ts).
    const sorted = this.orders.sorted(query.sort ?? 'imported', query.order ?? 'desc');
    return pageOf(sorted, keep, offset, limit, counted, (r) => this.withVersionCount(toMeta(r)));
  }

  /**
   * Starts building the version groups a moment after the index is open (once per open): the
   * rows list no versions until then, and the 'versions' change tells the list to ask again.
   */
  private warmVersions(): void {
    if (this.versionsWarming) return;
    this.versionsWarming = true;
    // Waits for the index without opening it: a deferred index stays closed for a `list`.
    void this.slot
      .opened()
      .then(() => this.slot.get())
      .then(
        () => {
          const timer = setTimeout(() => {
            if (!this.closed) this.versions.warm();
          }, VERSIONS_WARM_DELAY_MS);
          timer.unref?.();
        },
        () => undefined,
      );
  }

  /** Adds how many versions the article's story has, when it has some and they are known. */
  private withVersionCount<M extends T.ArticleMeta>(meta: M): M {
    const n = this.versions.groupSize(meta.id);
    if (n > 1) meta.versionCount = n;
    return meta;
  }

  async get(id: T.ArticleId, options?: GetOptions): Promise<T.ArticleView> {
    const r = this.record(id);
    const { stored, original, clean } = await loadArticle(this.store, id);
    const view: T.ArticleView = {
      ...toMeta(r),
      ...webPageFactsOf(stored.record),
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
      entities: this.entities.entitiesOf(id, {
        title: r.title,
        body: clean.body,
        language: r.language,
        place: clean.place,
      }),
    };
    if (view.versions.length > 0) view.versionCount = view.versions.length + 1;
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

  async search(
    query: T.SearchQuery,
    restrict?: (r: ArticleRecord) => boolean,
  ): Promise<T.SearchResult> {
    if (!query || typeof query !== 'object')
      throw new ArchiveError('BAD_ARGUMENT', 'Expected a search query');
    const index =
      typeof query.query === 'string' && query.query.trim() !== ''
        ? await this.slot.get()
        : this.slot.current;
    // A read-only open extracts entities only when asked (it cannot save them): a search by
    // name waits until every article's names are known, so that it misses none.
    if (this.readOnly && typeof query.query === 'string' && NAME_FIELD.test(query.query)) {
      await this.entities.idle();
    } else if (this.readOnly && typeof query.query === 'string' && PLACE_FIELD.test(query.query)) {
      // A search no longer outwaits the cache by loading the index: it waits for the read.
      await this.entities.cacheRead();
    }
    const done = this.foreground.begin();
    const result = await runSearch(query, {
      index,
      catalog: this.catalog,
      store: this.store,
      makeSnippet: this.deps.makeSnippet,
      restrict,
      names: this.nameMatcher,
    }).finally(done);
    const damage = this.readOnly ? readerDamage(index, result) : null;
    if (damage) throw damage;
    for (const hit of result.hits) this.withVersionCount(hit.meta);
    return result;
  }

  async listVersions(): Promise<VersionGroups> {
    return { groups: await this.versions.list() };
  }

  private readonly nameMatcher: NameMatcher = (type, words, prefix) =>
    this.entities.index.match(type, words, prefix);

  entityFacets(query: EntityFacetsQuery = {}): Promise<EntityFacets> {
    const records = this.catalog.records;
    return entityFacets(query, {
      catalog: this.catalog,
      entities: this.entities,
      searchIds: async (text, keep) => {
        const result = await (
          await this.slot.get()
        ).search(text, keep, {
          names: this.nameMatcher,
          collectionOf: (id) => records.get(id)?.collection,
          dateOf: (id) => records.get(id)?.articleDate,
        });
        return result.hits.map((h) => h.id);
      },
    });
  }

  timeline(query: TimelineQuery = {}): Promise<Timeline> {
    const records = this.catalog.records;
    return articleTimeline(query, {
      catalog: this.catalog,
      searchIds: async (text, keep, mode) => {
        const index = await this.slot.get();
        const result = await index.search(text, keep, {
          exact: mode.exact === true,
          anyWord: mode.anyWord === true,
          names: this.nameMatcher,
          collectionOf: (id) => records.get(id)?.collection,
          dateOf: (id) => records.get(id)?.articleDate,
        });
        return result.hits.map((h) => h.id);
      },
      hiddenVersions: () => this.versions.hidden(),
    });
  }

  async listEntities(query: EntityListQuery = {}): Promise<EntityList> {
    await this.entities.idle();
    const live: string[] = [];
    for (const r of this.catalog.records.values()) if (r.trashedAt === null) live.push(r.id);
    return { entities: listCounts(this.entities.index.count(live), query.type) };
  }

  async articleVersions(args: { id: T.ArticleId }): Promise<ArticleVersions> {
    assertId(args?.id);
    const { main, members } = await this.versions.versionsWithMain(args.id);
    return { main, versions: members.map((r) => this.withVersionCount(toMeta(r))) };
  }

  async compareVersions(args: { id: T.ArticleId; other: T.ArticleId }): Promise<VersionDiff> {
    return compareVersions(this.store, this.record(args?.id), this.record(args?.other));
  }

  async setMainVersion(args: { id: T.ArticleId }): Promise<void> {
    this.checkWritable();
    this.record(args?.id);
    await this.versions.setMain(args.id);
    this.emit({ reason: 'versions', ids: [args.id] });
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
    await this.tags.restore(snapshot);
    await this.organise.restoreTagRules(snapshot);
  }
  async listTags(): Promise<T.TagCount[]> {
    return this.tags.list();
  }
  async tagsOf(ids: T.ArticleId[]): Promise<T.TagCount[]> {
    return this.tags.countsFor(this.knownIds(ids));
  }
  async renameTag(from: string, to: string): Promise<T.TagSnapshot> {
    const snapshot = await this.tags.rename(from, to);
    return this.organise.followTagRename(from, to, snapshot);
  }
  async deleteTag(name: string): Promise<T.TagSnapshot> {
    const snapshot = await this.tags.delete(name);
    // Its rule goes with it (undo brings both back), or the next import would tag again.
    return this.organise.followTagDelete(name, snapshot);
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
    // Dates and languages are found again only where the library is not marked as found by
    // this finder and detector.
    const redating = (await datesAreCurrent(this.path)) ? null : new DateRefresh();
    await this.writer.run(async () => {
      // Every file is read again, so only this rebuild's failures are reported after it.
      this.unreadable.resetReads();
      this.redating = redating;
      // Each article is read once, in the order they lie on disk, for the index, the
      // signatures and the entities alike (reindex-pass.ts).
      const order = await this.store.diskOrder([...this.catalog.records.keys()]);
      const expected = new Map(order.map((id) => [id, this.catalog.records.get(id)!.rev]));
      // Signatures and entities still valid in their caches are kept, not computed again.
      const cached = {
        sigs: await this.versions.cachedSignatures(),
        names: await this.entities.cachedNames(),
      };
      const pass = new ReindexPass({
        cached,
        store: this.store,
        ids: order,
        labelOf: (id) => {
          const r = this.catalog.records.get(id);
          return { title: r?.title ?? '', language: r?.language ?? '' };
        },
        onOutcome: (id, outcome) => this.noteOutcome(id, outcome, redating),
        redate: redating !== null,
        workerScript: this.options.workerScript,
        workerExecArgv: this.options.workerExecArgv,
      });
      this.reindexing = pass;
      const passing = pass.run();
      let rebuilt = false;
      try {
        await this.slot.rebuild(expected, options.onProgress);
        rebuilt = true;
      } finally {
        pass.release(!rebuilt);
        this.reindexing = null;
        await passing;
        this.redating = null;
      }
      await this.versions.rebuild(pass.sigs);
      await this.entities.rebuild(pass.names);
    });
    if (redating) {
      await this.applyDates(redating);
      // Only when every article was read: an unreadable one kept its old date.
      if (this.unreadable.list().length === 0) await markDatesCurrent(this.path);
    }
    this.emit({ reason: 'reindex' });
  }

  /** What a reindex's pass found of an article: unreadable or not, its date found again. */
  private noteOutcome(id: string, outcome: PassOutcome, redating: DateRefresh | null): void {
    const path = this.store.pathOf(id);
    if (outcome.kind === 'missing') {
      this.unreadable.note(path, 'the file is missing (the catalogue lists it)');
    } else if (outcome.kind === 'prepared' && !outcome.prepared.ok) {
      this.unreadable.note(path, outcome.prepared.reason);
    } else if (outcome.kind === 'prepared' && outcome.prepared.ok) {
      this.unreadable.clear(path);
      redating?.noteFound(id, outcome.prepared.recorded, outcome.prepared.found);
    }
  }

  /** Gives the articles whose date or language is now read differently the new one. */
  private async applyDates(redating: DateRefresh): Promise<void> {
    const ids = redating.ids;
    if (ids.length === 0) return;
    await this.writer.update(ids, redating.edit, 'reindex');
    // Dates are a sort key: the date order is made again and saved with a fresh snapshot.
    this.orders.forget();
    await this.writer.run(() => this.catalog.compact(true));
  }

  async stats(args?: { hideVersions?: boolean }): Promise<T.LibraryStats> {
    const stats = computeStats(
      this.path,
      this.catalog.records.values(),
      this.tags.list(),
      this.slot.current.stats(),
      [...this.unreadable.list(), ...this.slot.problems((id) => this.store.pathOf(id))],
    );
    if (!args?.hideVersions) return stats;
    return statsHidingVersions(stats, await this.versions.hidden(), this.catalog.records);
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

  async exportArticles(args: ExportRequest, options?: ExportRunOptions): Promise<ExportResult> {
    const parsed = exportRequestSchema.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `Export ${issue?.path.join('.') || 'request'} ${issue?.message ?? 'is not valid'}`,
      );
    }
    const { format, out, scope } = parsed.data;
    const source = await librarySource(format, scope, {
      records: this.catalog.records,
      store: this.store,
      index: () => this.slot.get(),
      place: (record, body) => this.highlights.place(record, body),
    });
    return runExport(format, out, source, options);
  }

  listWatchedFolders(): Promise<WatchList> {
    return this.watch.list();
  }

  async addWatchedFolder(args: WatchPathArgs): Promise<WatchList> {
    this.checkWritable();
    return this.watch.add(args?.path);
  }

  async removeWatchedFolder(args: WatchPathArgs): Promise<WatchList> {
    this.checkWritable();
    return this.watch.remove(args?.path);
  }

  watchStatus(): Promise<WatchStatus> {
    return this.watch.status();
  }

  async watchFolders(options?: WatchRunOptions): Promise<void> {
    this.checkWritable();
    return this.watch.watch(options);
  }

  /** Adds each article its own tags (rules at import), spelt as the library spells them. */
  private async addTagsEach(tagsOf: ReadonlyMap<string, string[]>): Promise<void> {
    const spelling = new Map(this.tags.list().map((t) => [tagKey(t.name), t.name]));
    await this.updateRecords(
      [...tagsOf.keys()],
      (r) => {
        const wanted = (tagsOf.get(r.id) ?? []).map((t) => spelling.get(tagKey(t)) ?? t);
        const next = withTags(r.tags, wanted);
        return next ? { tags: next } : null;
      },
      'tags',
    );
  }

  /** Ids of the articles outside the trash a query finds as typed (rules), among `among`. */
  private async matchIds(query: string, among?: ReadonlySet<string>): Promise<string[]> {
    const index = await this.slot.get();
    const records = this.catalog.records;
    const run = () =>
      index.search(
        query,
        (id) => (among === undefined || among.has(id)) && records.get(id)?.trashedAt === null,
        {
          exact: true,
          collectionOf: (id) => records.get(id)?.collection,
          dateOf: (id) => records.get(id)?.articleDate,
        },
      );
    let result = await run();
    // A rule's count and its tags must not miss the segments still loading after an open.
    for (let waited = 0; result.partial && waited < MATCH_WAIT_MS; waited += MATCH_RETRY_MS) {
      await new Promise((done) => setTimeout(done, MATCH_RETRY_MS));
      result = await run();
    }
    return result.hits.map((h) => h.id);
  }

  async listCollections(): Promise<O.CollectionCount[]> {
    return this.organise.listCollections();
  }
  renameCollection(args: { from: string; to: string }): Promise<O.CollectionSnapshot> {
    return this.organise.renameCollection(args);
  }
  restoreCollections(snapshot: O.CollectionSnapshot): Promise<void> {
    return this.organise.restoreCollections(snapshot);
  }
  listSavedSearches(): Promise<O.SavedSearchList> {
    return this.organise.listSavedSearches();
  }
  putSavedSearch(args: O.PutSavedSearch): Promise<O.SavedSearchCount> {
    return this.organise.putSavedSearch(args);
  }
  removeSavedSearch(args: { name: string }): Promise<O.RemovedSavedSearch> {
    return this.organise.removeSavedSearch(args);
  }
  reorderSavedSearches(args: { names: string[] }): Promise<void> {
    return this.organise.reorderSavedSearches(args);
  }
  runSavedSearch(args: { name: string; limit?: number; offset?: number }): Promise<T.SearchResult> {
    return this.organise.runSavedSearch(args);
  }
  listTagRules(): Promise<O.TagRuleList> {
    return this.organise.listTagRules();
  }
  previewTagRule(args: O.TagRule): Promise<O.TagRulePreview> {
    return this.organise.previewTagRule(args);
  }
  putTagRule(args: O.PutTagRule): Promise<O.TagRuleOutcome> {
    return this.organise.putTagRule(args);
  }
  removeTagRule(args: { tag: string }): Promise<O.TagRuleOutcome> {
    return this.organise.removeTagRule(args);
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      // Watching imports through this engine: it stops (after its batch) before anything closes.
      await this.watch.stop();
      await this.writer.idle();
      // An import's record of what each rule tagged may still be on its way (tag-rules.ts).
      await this.organise.rules.idle();
      try {
        await runCloseSteps([
          () => this.slot.close(),
          () => this.catalog.close(),
          () => this.versions.close(),
          () => this.entities.close(),
          () => this.store.close(),
          async () => await this.lock?.release(),
        ]);
      } finally {
        this.listeners.clear();
      }
    })();
    return this.closed;
  }
}
