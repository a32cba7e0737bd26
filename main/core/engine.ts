// The public surface of the library engine. The CLI, the API handler table (and through
// it the desktop app and the e2e bridge), and the benchmarks all use only this.
import type {
  ArticleId,
  ArticlePage,
  ArticleView,
  CheckReport,
  ImportProgress,
  ImportSource,
  ImportSummary,
  LibraryStats,
  ListQuery,
  SearchQuery,
  SearchResult,
  TagCount,
  TagSnapshot,
} from '../contract/types';
import type { ENGINE_CHANGE_REASONS } from '../contract/api-contract';
import type {
  Highlight,
  HighlightPatch,
  HighlightQuery,
  ListedHighlight,
  NewHighlight,
  RemovedHighlight,
} from '../contract/highlights';
import type { RelatedQuery, RelatedResult } from '../contract/related';
import type { EntityList, EntityListQuery } from '../contract/entities';
import type { EntityFacets, EntityFacetsQuery } from '../contract/entity-facets';
import type {
  CollectionCount,
  CollectionSnapshot,
  PutSavedSearch,
  PutTagRule,
  RemovedSavedSearch,
  SavedSearchCount,
  SavedSearchList,
  TagRule,
  TagRuleList,
  TagRuleOutcome,
  TagRulePreview,
} from '../contract/organise';
import type {
  WatchBatch,
  WatchList,
  WatchPathArgs,
  WatchProblem,
  WatchStatus,
} from '../contract/watch';
import type { ArticleVersions, VersionDiff, VersionGroups } from '../contract/versions';
import type { ExportRequest, ExportResult } from '../contract/export';
import type { Timeline, TimelineQuery } from '../contract/timeline';
import type { ExportRunOptions } from './export/run-export';

export interface GetOptions {
  /** Matches of this query are marked in the view. */
  highlight?: string;
  /**
   * Wait for the version groups however long their first build at open takes (the command
   * line); otherwise an article opened meanwhile lists no versions.
   */
  waitForVersions?: boolean;
}

export interface ImportOptions {
  /** Aborting stops the batch after the file in hand; what was imported stays. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface WatchRunOptions {
  /** Aborting stops watching after the import batch in hand. */
  signal?: AbortSignal;
  /** The status, whenever it changes (at most a few times a second). */
  onStatus?: (status: WatchStatus) => void;
  /** Each import batch, once it is done. */
  onBatch?: (batch: WatchBatch) => void;
  /** Each problem met; watching goes on. */
  onProblem?: (problem: WatchProblem) => void;
}

export interface ReindexOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface OpenOptions {
  /** Create the folder and an empty library when nothing is there (default true). */
  create?: boolean;
  /** Take no lock and write nothing; every write call fails with FORBIDDEN. */
  readOnly?: boolean;
  /** Built index worker script (see SearchIndexOptions.workerScript). */
  workerScript?: string;
  workerExecArgv?: string[];
  /** Progress of an index rebuild during open. */
  onIndexProgress?: (p: { done: number; total: number }) => void;
  /**
   * False: no version signatures and no entity extraction in this session (the benchmarks
   * time imports with and without them; default true).
   */
  discovery?: boolean;
  /**
   * True, with readOnly: the search index opens on the first call that needs it, not at open
   * (a command-line `list` never does; default false).
   */
  deferIndex?: boolean;
}

export type LibraryChangeReason = (typeof ENGINE_CHANGE_REASONS)[number];

export interface LibraryChange {
  reason: LibraryChangeReason;
  ids?: ArticleId[];
}

/** One open library folder. Every method is async and safe to call concurrently. */
export interface LibraryEngine {
  /** Absolute path of the library folder. */
  readonly path: string;
  readonly readOnly: boolean;

  /** Imports files and folders (recursively); never stops at a bad file. */
  importSources(sources: ImportSource[], options?: ImportOptions): Promise<ImportSummary>;

  /** Lists articles from the metadata catalogue; never waits for the index. */
  list(query?: ListQuery): Promise<ArticlePage>;
  /** One article with clean and original text; NOT_FOUND for unknown ids. */
  get(id: ArticleId, options?: GetOptions): Promise<ArticleView>;
  /** Full-text search; BAD_QUERY with a one-line reason for bad queries. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** The articles most like one by their weighted terms (not itself, its versions, the trash). */
  related(args: RelatedQuery): Promise<RelatedResult>;
  /** Every group of two or more versions of a story (near-duplicate bodies), trash left out. */
  listVersions(): Promise<VersionGroups>;
  /** Top people / organisations / places of a view or search, with counts (the facets). */
  entityFacets(query: EntityFacetsQuery): Promise<EntityFacets>;
  /** A view's or a search's articles counted by their own date: the timeline's bars. */
  timeline(query: TimelineQuery): Promise<Timeline>;
  /** Every entity of the library (trash left out) with its article count; waits for extraction. */
  listEntities(query?: EntityListQuery): Promise<EntityList>;
  /** The versions of an article's story, itself included, earliest first, and the main one. */
  articleVersions(args: { id: ArticleId }): Promise<ArticleVersions>;
  /** How `other`'s body differs from `id`'s, sentence by sentence (added and removed). */
  compareVersions(args: { id: ArticleId; other: ArticleId }): Promise<VersionDiff>;
  /** Makes an article the main version of its story (the one a list hiding versions shows). */
  setMainVersion(args: { id: ArticleId }): Promise<void>;

  /** Adds tags to articles; returns the tags before, for undo. */
  addTags(ids: ArticleId[], tags: string[]): Promise<TagSnapshot>;
  /** Removes tags (case-insensitive) from articles; returns the tags before, for undo. */
  removeTags(ids: ArticleId[], tags: string[]): Promise<TagSnapshot>;
  /** Puts back the tags a snapshot recorded. */
  restoreTags(snapshot: TagSnapshot): Promise<void>;
  listTags(): Promise<TagCount[]>;
  /** The tags these articles carry, each with how many of them carry it (a selection's tags). */
  tagsOf(ids: ArticleId[]): Promise<TagCount[]>;
  /** Renames a tag everywhere; merges into `to` when that tag exists. */
  renameTag(from: string, to: string): Promise<TagSnapshot>;
  /** Removes a tag from every article. */
  deleteTag(name: string): Promise<TagSnapshot>;

  setRead(ids: ArticleId[], read: boolean): Promise<void>;
  setFavourite(ids: ArticleId[], favourite: boolean): Promise<void>;
  /** Saves the reading position, a fraction 0..1. */
  setPosition(id: ArticleId, position: number): Promise<void>;
  /** Moves articles to the trash (they leave lists and search but keep their files). */
  trash(ids: ArticleId[]): Promise<void>;
  restore(ids: ArticleId[]): Promise<void>;
  /** Deletes trashed articles for good. */
  emptyTrash(): Promise<{ removed: number }>;
  /** Deletes these trashed articles for good; NOT_FOUND or BAD_ARGUMENT for any other id. */
  purge(ids: ArticleId[]): Promise<{ removed: number }>;

  /** Throws the index away and builds it again from the article files. */
  reindex(options?: ReindexOptions): Promise<void>;
  /** Counts and facets; with hideVersions, other versions are left out (as list() does). */
  stats(args?: { hideVersions?: boolean }): Promise<LibraryStats>;
  /**
   * Reads every article file (readable, parses, its text hashes to its id) and every cache
   * (catalogue snapshot and journal, index manifest and segments, manifest, lock) and reports
   * what is wrong. Changes nothing, so it works on read-only opens.
   */
  check(): Promise<CheckReport>;

  /**
   * Highlights a passage of an article's clean body: a range, or the n-th occurrence of a
   * text (BAD_ARGUMENT "the text was not found in this article" when there is none).
   */
  addHighlight(args: NewHighlight): Promise<Highlight>;
  /** Changes a highlight's note or colour; NOT_FOUND for unknown ids. */
  updateHighlight(args: HighlightPatch): Promise<Highlight>;
  /** Removes a highlight and answers what restoreHighlight needs to put it back. */
  removeHighlight(args: { id: string }): Promise<RemovedHighlight>;
  /** Puts back a removed highlight (undo). */
  restoreHighlight(args: RemovedHighlight): Promise<Highlight>;
  /** Highlights of one article or across the library, newest first (orphans included). */
  listHighlights(args?: HighlightQuery): Promise<ListedHighlight[]>;
  /** The highlights a query picks as one Markdown document, grouped by article. */
  exportHighlights(args?: HighlightQuery): Promise<{ markdown: string; count: number }>;
  /** Articles as one Markdown document, each with its highlights quoted with their notes. */
  exportMarkdown(args: { ids: ArticleId[] }): Promise<{ markdown: string; count: number }>;
  /**
   * Writes a selection, a search, a view or the whole library as Markdown, plain text, JSON
   * Lines, CSV or OpenSearch bulk files (docs/export.md): whole, or nothing on cancel.
   */
  exportArticles(args: ExportRequest, options?: ExportRunOptions): Promise<ExportResult>;

  /** The watched folders, each with whether it is there and watched now. */
  listWatchedFolders(): Promise<WatchList>;
  /** Watches one more folder (absolute path of an existing folder); a running watch starts on it. */
  addWatchedFolder(args: WatchPathArgs): Promise<WatchList>;
  /** Stops watching a folder; its articles stay. NOT_FOUND when it is not watched. */
  removeWatchedFolder(args: WatchPathArgs): Promise<WatchList>;
  /** The watcher's status, for a status line. */
  watchStatus(): Promise<WatchStatus>;
  /**
   * Watches the listed folders until aborted or closed: imports what was added while nothing
   * watched, then new and changed article files once they stop changing.
   */
  watchFolders(options?: WatchRunOptions): Promise<void>;

  /** Every collection (first folder below an imported one) with its articles outside the trash. */
  listCollections(): Promise<CollectionCount[]>;
  /** Renames a collection everywhere (a merge into one that exists); returns a snapshot for undo. */
  renameCollection(args: { from: string; to: string }): Promise<CollectionSnapshot>;
  /** Puts back the collections a snapshot recorded. */
  restoreCollections(snapshot: CollectionSnapshot): Promise<void>;
  /** The saved searches in their order, each with how many articles it finds now. */
  listSavedSearches(): Promise<SavedSearchList>;
  /** Adds a saved search, or replaces the one named `previous`; names are unique in any case. */
  putSavedSearch(args: PutSavedSearch): Promise<SavedSearchCount>;
  /** Removes a saved search; the answer puts it back through putSavedSearch (undo). */
  removeSavedSearch(args: { name: string }): Promise<RemovedSavedSearch>;
  /** Puts the saved searches in this order. */
  reorderSavedSearches(args: { names: string[] }): Promise<void>;
  /** A page of what a saved search finds, as a search result. */
  runSavedSearch(args: { name: string; limit?: number; offset?: number }): Promise<SearchResult>;
  /** The tagging rules, each with how many articles its query finds now. */
  listTagRules(): Promise<TagRuleList>;
  /** How many articles a rule would find and tag, without saving it. */
  previewTagRule(args: TagRule): Promise<TagRulePreview>;
  /** Adds a rule (or replaces the one for tag `previous`) and applies it at once. */
  putTagRule(args: PutTagRule): Promise<TagRuleOutcome>;
  /** Removes a rule; its tag comes off the articles the rule gave it to, and only those. */
  removeTagRule(args: { tag: string }): Promise<TagRuleOutcome>;

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (change: LibraryChange) => void): () => void;
  /** Finishes background work, persists the index and releases the lock. */
  close(): Promise<void>;
}
