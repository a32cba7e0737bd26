// The one contract between the renderer and the main process. The handler table
// (main/api/handlers.ts) implements it, ipcMain serves it in the app, the HTTP bridge
// serves it in the e2e tests, the preload exposes it as named functions, and the
// renderer calls it. This file imports types only, so both typechecks include it.
import type {
  ArticleId,
  ArticlePage,
  ArticleView,
  ErrorCode,
  ImportProgress,
  ImportSummary,
  LibraryStats,
  ListQuery,
  SearchQuery,
  SearchResult,
  TagCount,
  TagSnapshot,
} from './types';

import type { Settings } from './settings';
export type { Settings, Theme } from './settings';

type Empty = Record<string, never>;

/** Every call the renderer may make: its argument object and its result. */
export interface ApiMethods {
  importPaths: { args: { importId: string; paths: string[] }; result: ImportSummary };
  importContents: {
    args: { importId: string; files: { name: string; data: Uint8Array }[] };
    result: ImportSummary;
  };
  importSample: { args: { importId: string }; result: ImportSummary };
  cancelImport: { args: { importId: string }; result: { cancelled: boolean } };
  listArticles: { args: ListQuery; result: ArticlePage };
  getArticle: { args: { id: ArticleId; highlight?: string }; result: ArticleView };
  search: { args: SearchQuery; result: SearchResult };
  addTags: { args: { ids: ArticleId[]; tags: string[] }; result: TagSnapshot };
  removeTags: { args: { ids: ArticleId[]; tags: string[] }; result: TagSnapshot };
  restoreTags: { args: TagSnapshot; result: null };
  listTags: { args: Empty; result: TagCount[] };
  renameTag: { args: { from: string; to: string }; result: TagSnapshot };
  deleteTag: { args: { name: string }; result: TagSnapshot };
  setRead: { args: { ids: ArticleId[]; read: boolean }; result: null };
  setFavourite: { args: { ids: ArticleId[]; favourite: boolean }; result: null };
  setPosition: { args: { id: ArticleId; position: number }; result: null };
  trash: { args: { ids: ArticleId[] }; result: null };
  restore: { args: { ids: ArticleId[] }; result: null };
  emptyTrash: { args: Empty; result: { removed: number } };
  stats: { args: Empty; result: LibraryStats };
  getSettings: { args: Empty; result: Settings };
  setSettings: { args: Partial<Settings>; result: Settings };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

/** The method names as a value, for the preload and the bridges to iterate. */
export const API_METHODS = [
  'importPaths',
  'importContents',
  'importSample',
  'cancelImport',
  'listArticles',
  'getArticle',
  'search',
  'addTags',
  'removeTags',
  'restoreTags',
  'listTags',
  'renameTag',
  'deleteTag',
  'setRead',
  'setFavourite',
  'setPosition',
  'trash',
  'restore',
  'emptyTrash',
  'stats',
  'getSettings',
  'setSettings',
] as const satisfies readonly ApiMethod[];

/** A failure people may read: a code to branch on and a sentence, never a stack trace. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type MenuCommand =
  | 'import-files'
  | 'import-folder'
  | 'export-selected'
  | 'focus-search'
  | 'toggle-sidebar'
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'theme-sepia'
  | 'font-larger'
  | 'font-smaller'
  | 'font-reset'
  | 'show-shortcuts';

/** Every event the main process sends to the renderer. */
export interface ApiEvents {
  importProgress: ImportProgress & { importId: string };
  libraryChanged: {
    reason: 'import' | 'tags' | 'state' | 'trash' | 'reindex' | 'switch';
    ids?: ArticleId[];
  };
  indexReady: { documents: number; segments: number };
  menuCommand: { command: MenuCommand };
}

export type ApiEvent = keyof ApiEvents;

export const API_EVENTS = [
  'importProgress',
  'libraryChanged',
  'indexReady',
  'menuCommand',
] as const satisfies readonly ApiEvent[];

/** What the preload puts on `window.archive`: one named function per call, plus events. */
export type ArchiveBridge = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResult<M>>>;
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Paths of dropped files; empty strings where a file has no path on disk. */
  pathsForFiles(files: File[]): string[];
};

/** The IPC channel that carries one API method. */
export const ipcChannel = (method: ApiMethod): string => `archive:${method}`;
/** The IPC channel that carries one event. */
export const ipcEventChannel = (event: ApiEvent): string => `archive-event:${event}`;
