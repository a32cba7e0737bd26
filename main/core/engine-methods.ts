// The engine's methods as a value, for code that forwards them without naming each one (the
// engine worker's proxy, main/core/host/). The compiler keeps it equal to the interface: a
// method added to LibraryEngine and missing here, or listed here and not a method, is an error.
import type { LibraryEngine } from './engine';

/** Members served where the engine object is, never sent across a thread. */
type LocalMember = 'onChange';

type FunctionMembers<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T];

/** The LibraryEngine methods a proxy forwards: every function member but onChange. */
export type EngineMethod = Exclude<FunctionMembers<LibraryEngine>, LocalMember>;

/** `true` for a method that returns a promise (a call across a thread cannot answer at once). */
type Async<F> = F extends (...args: never[]) => Promise<unknown> ? true : 'must return a Promise';

/** The shape of ENGINE_METHODS: exactly the forwarded methods, each returning a promise. */
export type EngineMethodTable = { [K in EngineMethod]: Async<LibraryEngine[K]> };

/**
 * Every forwarded method. Arguments are structured-cloned; functions and AbortSignals inside
 * them (progress callbacks, cancel signals) are carried by the proxy.
 */
export const ENGINE_METHODS = {
  importSources: true,
  list: true,
  get: true,
  search: true,
  related: true,
  listVersions: true,
  entityFacets: true,
  listEntities: true,
  timeline: true,
  articleVersions: true,
  compareVersions: true,
  setMainVersion: true,
  addTags: true,
  removeTags: true,
  restoreTags: true,
  listTags: true,
  tagsOf: true,
  renameTag: true,
  deleteTag: true,
  setRead: true,
  setFavourite: true,
  setPosition: true,
  trash: true,
  restore: true,
  emptyTrash: true,
  purge: true,
  reindex: true,
  stats: true,
  check: true,
  addHighlight: true,
  updateHighlight: true,
  removeHighlight: true,
  restoreHighlight: true,
  listHighlights: true,
  exportHighlights: true,
  exportMarkdown: true,
  exportArticles: true,
  listWatchedFolders: true,
  addWatchedFolder: true,
  removeWatchedFolder: true,
  watchStatus: true,
  watchFolders: true,
  listCollections: true,
  renameCollection: true,
  restoreCollections: true,
  listSavedSearches: true,
  putSavedSearch: true,
  removeSavedSearch: true,
  reorderSavedSearches: true,
  runSavedSearch: true,
  listTagRules: true,
  previewTagRule: true,
  putTagRule: true,
  removeTagRule: true,
  close: true,
} as const satisfies EngineMethodTable;

/** The forwarded method names, in table order. */
export const ENGINE_METHOD_NAMES = Object.keys(ENGINE_METHODS) as readonly EngineMethod[];

/** True when `name` is a forwarded engine method (for names that arrive as data). */
export function isEngineMethod(name: string): name is EngineMethod {
  return Object.hasOwn(ENGINE_METHODS, name);
}
