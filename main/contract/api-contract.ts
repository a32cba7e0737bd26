// The one contract between the renderer and the main process: a table of every call with the
// zod schemas of its arguments and its result, and a table of every event with its payload.
// The types, the method list and the event list are all derived from these two tables. The
// handler table (main/api/handlers.ts) implements it, dispatch validates arguments with it,
// ipcMain and the HTTP bridge serve it, the preload exposes it and the renderer calls it.
import { z } from './zod';
import {
  bool,
  fileList,
  idList,
  importId,
  newTagList,
  noArgs,
  pathList,
  tagList,
} from './api-schemas';
import { settingsPatchSchema, settingsSchema } from './settings';
import {
  highlightIdSchema,
  highlightPatchSchema,
  highlightQuerySchema,
  highlightSchema,
  listedHighlightSchema,
  newHighlightSchema,
  removedHighlightSchema,
} from './highlights';
import { relatedQuerySchema, relatedResultSchema } from './related';
import { timelineQuerySchema, timelineSchema } from './timeline';
import { entityListQuerySchema, entityListSchema } from './entities';
import { entityFacetsQuerySchema, entityFacetsSchema } from './entity-facets';
import {
  collectionCountSchema,
  collectionNameSchema,
  collectionSnapshotSchema,
  putSavedSearchSchema,
  putTagRuleSchema,
  removedSavedSearchSchema,
  savedSearchCountSchema,
  savedSearchListSchema,
  savedSearchNameSchema,
  tagRuleListSchema,
  tagRuleOutcomeSchema,
  tagRulePreviewSchema,
  tagRuleSchema,
} from './organise';
import { LIMITS } from './limits';
import { exportCallResultSchema, exportCallSchema, exportProgressSchema } from './export';
import { backupRunProgressSchema } from './backup';
import { articleVersionsSchema, versionDiffSchema, versionGroupsSchema } from './versions';
import { watchListSchema, watchPathArgsSchema, watchStatusSchema } from './watch';
import { tagNameSchema, tagReferenceSchema } from './tag-name';
import {
  articleIdSchema,
  articlePageSchema,
  articleViewSchema,
  checkReportSchema,
  errorCodeSchema,
  importProgressSchema,
  importSummarySchema,
  libraryStatsSchema,
  listQuerySchema,
  queryTextSchema,
  searchQuerySchema,
  searchResultSchema,
  tagCountSchema,
  tagSnapshotSchema,
} from './types';

export type { Settings, Theme } from './settings';

/** Calls that change something and have nothing to tell answer null. */
const nothing = z.null();

/** Every call the renderer may make: the schema of its arguments and of its result. */
export const apiContract = {
  importPaths: {
    args: z.strictObject({ importId, paths: pathList }),
    result: importSummarySchema,
  },
  importContents: {
    args: z.strictObject({ importId, files: fileList }),
    result: importSummarySchema,
  },
  importSample: { args: z.strictObject({ importId }), result: importSummarySchema },
  cancelImport: {
    args: z.strictObject({ importId }),
    result: z.object({ cancelled: z.boolean() }),
  },
  listArticles: { args: listQuerySchema, result: articlePageSchema },
  getArticle: {
    args: z.strictObject({ id: articleIdSchema, highlight: queryTextSchema.optional() }),
    result: articleViewSchema,
  },
  search: { args: searchQuerySchema, result: searchResultSchema },
  /** The articles most like one by their weighted terms (not itself, its versions, the trash). */
  related: { args: relatedQuerySchema, result: relatedResultSchema },
  /** Every group of two or more versions of a story (near-duplicate bodies). */
  listVersions: { args: noArgs, result: versionGroupsSchema },
  /** People / Organisations / Places facets of a view or a search: top names with counts. */
  entityFacets: { args: entityFacetsQuerySchema, result: entityFacetsSchema },
  /** The articles of a view or a search counted by their own date (the timeline's bars). */
  timeline: { args: timelineQuerySchema, result: timelineSchema },
  /** Every person, organisation and place of the library with its article count. */
  listEntities: { args: entityListQuerySchema, result: entityListSchema },
  /** The versions of one article's story (its group, itself included) and the main one. */
  articleVersions: { args: z.strictObject({ id: articleIdSchema }), result: articleVersionsSchema },
  /** Another version's body against an article's, sentence by sentence (added, removed). */
  compareVersions: {
    args: z.strictObject({ id: articleIdSchema, other: articleIdSchema }),
    result: versionDiffSchema,
  },
  /** Makes an article the main version of its story (the one shown when others are hidden). */
  setMainVersion: { args: z.strictObject({ id: articleIdSchema }), result: nothing },
  addTags: { args: z.strictObject({ ids: idList, tags: newTagList }), result: tagSnapshotSchema },
  removeTags: { args: z.strictObject({ ids: idList, tags: tagList }), result: tagSnapshotSchema },
  restoreTags: { args: tagSnapshotSchema, result: nothing },
  listTags: { args: noArgs, result: z.array(tagCountSchema) },
  /** The tags these articles carry, with how many of them carry each. */
  tagsOf: { args: z.strictObject({ ids: idList }), result: z.array(tagCountSchema) },
  renameTag: {
    args: z.strictObject({ from: tagReferenceSchema, to: tagNameSchema }),
    result: tagSnapshotSchema,
  },
  deleteTag: { args: z.strictObject({ name: tagReferenceSchema }), result: tagSnapshotSchema },
  setRead: { args: z.strictObject({ ids: idList, read: bool }), result: nothing },
  setFavourite: { args: z.strictObject({ ids: idList, favourite: bool }), result: nothing },
  setPosition: {
    args: z.strictObject({
      id: articleIdSchema,
      /** Fraction 0..1 of the body. */
      position: z
        .number({ error: 'must be a number' })
        .min(0, 'must be between 0 and 1')
        .max(1, 'must be between 0 and 1'),
    }),
    result: nothing,
  },
  trash: { args: z.strictObject({ ids: idList }), result: nothing },
  restore: { args: z.strictObject({ ids: idList }), result: nothing },
  emptyTrash: { args: noArgs, result: z.object({ removed: z.number().int().nonnegative() }) },
  /** Deletes these articles for good; each must be in the trash. */
  purge: {
    args: z.strictObject({ ids: idList }),
    result: z.object({ removed: z.number().int().nonnegative() }),
  },
  /** Shows the article's source file in the system's file manager (the desktop app only). */
  showInFolder: { args: z.strictObject({ id: articleIdSchema }), result: nothing },
  /** Counts; with hideVersions, other versions are left out of them (as the list does). */
  stats: {
    args: z.strictObject({ hideVersions: bool.optional() }),
    result: libraryStatsSchema,
  },
  /** Verifies every article file and cache (Library → Check Library). */
  check: { args: noArgs, result: checkReportSchema },
  /** Highlights a passage of an article's clean body (a range, or the n-th occurrence of a text). */
  addHighlight: { args: newHighlightSchema, result: highlightSchema },
  /** Changes a highlight's note or colour. */
  updateHighlight: { args: highlightPatchSchema, result: highlightSchema },
  /** Removes a highlight; the answer puts it back through restoreHighlight (undo). */
  removeHighlight: {
    args: z.strictObject({ id: highlightIdSchema }),
    result: removedHighlightSchema,
  },
  restoreHighlight: { args: removedHighlightSchema, result: highlightSchema },
  /** Highlights of one article, or across the library (newest first), filtered. */
  listHighlights: { args: highlightQuerySchema, result: z.array(listedHighlightSchema) },
  /** The highlights chosen as one Markdown document, grouped by article. */
  exportHighlights: {
    args: highlightQuerySchema,
    result: z.object({ markdown: z.string(), count: z.number().int().nonnegative() }),
  },
  /** Articles as one Markdown document: each with its highlights quoted, with their notes. */
  exportMarkdown: {
    args: z.strictObject({ ids: idList }),
    result: z.object({ markdown: z.string(), count: z.number().int().nonnegative() }),
  },
  /**
   * File → Export…: main asks where (a save dialog), then writes the scope in the format, with
   * exportProgress events; null when the save dialog was closed (docs/export.md).
   */
  exportArticles: { args: exportCallSchema, result: exportCallResultSchema },
  /** Stops a running export; nothing of it is left on disk. */
  cancelExport: {
    args: z.strictObject({ exportId: importId }),
    result: z.object({ cancelled: z.boolean() }),
  },
  /** Stops the running Library → Back Up… or Restore…; nothing of it is left on disk. */
  cancelBackup: {
    args: z.strictObject({ runId: importId }),
    result: z.object({ cancelled: z.boolean() }),
  },
  /** The watched folders, each with whether it is there and watched now. */
  listWatchedFolders: { args: noArgs, result: watchListSchema },
  /** Watches one more folder: one the user chose or dropped (Library → Watch Folder…). */
  addWatchedFolder: { args: watchPathArgsSchema, result: watchListSchema },
  /** Stops watching a folder; its articles stay in the library. */
  removeWatchedFolder: { args: watchPathArgsSchema, result: watchListSchema },
  /** The watcher's status, for the status line. */
  watchStatus: { args: noArgs, result: watchStatusSchema },
  /** Every collection (the first folder below an imported one) with its article count. */
  listCollections: { args: noArgs, result: z.array(collectionCountSchema) },
  /** Renames a collection on every article; into an existing one it is a merge. */
  renameCollection: {
    args: z.strictObject({ from: collectionNameSchema, to: collectionNameSchema }),
    result: collectionSnapshotSchema,
  },
  /** Puts back the collections a rename changed (undo). */
  restoreCollections: { args: collectionSnapshotSchema, result: nothing },
  /** The saved searches in their order, each with its count now. */
  listSavedSearches: { args: noArgs, result: savedSearchListSchema },
  /** Adds a saved search, or replaces the one named `previous` (edit, rename). */
  putSavedSearch: { args: putSavedSearchSchema, result: savedSearchCountSchema },
  /** Removes a saved search; the answer puts it back (undo). */
  removeSavedSearch: {
    args: z.strictObject({ name: savedSearchNameSchema }),
    result: removedSavedSearchSchema,
  },
  /** Puts the saved searches in this order. */
  reorderSavedSearches: {
    args: z.strictObject({
      names: z.array(savedSearchNameSchema).max(LIMITS.savedSearches),
    }),
    result: nothing,
  },
  /** A page of what a saved search finds, as a search result. */
  runSavedSearch: {
    args: z.strictObject({
      name: savedSearchNameSchema,
      limit: z.number().int().min(1).max(LIMITS.searchLimit).optional(),
      offset: z.number().int().min(0).max(LIMITS.maxOffset).optional(),
    }),
    result: searchResultSchema,
  },
  /** The tagging rules, each with how many articles its query finds now. */
  listTagRules: { args: noArgs, result: tagRuleListSchema },
  /** How many articles a rule would find and tag (the preview before saving). */
  previewTagRule: { args: tagRuleSchema, result: tagRulePreviewSchema },
  /** Adds (or edits) a rule and applies it at once. */
  putTagRule: { args: putTagRuleSchema, result: tagRuleOutcomeSchema },
  /** Removes a rule; its tag comes off only the articles the rule gave it to. */
  removeTagRule: {
    args: z.strictObject({ tag: tagReferenceSchema }),
    result: tagRuleOutcomeSchema,
  },
  getSettings: { args: noArgs, result: settingsSchema },
  setSettings: { args: settingsPatchSchema, result: settingsSchema },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type ApiMethod = keyof typeof apiContract;

/** Every call's argument object and result, as TypeScript types. */
export type ApiMethods = {
  [M in ApiMethod]: {
    args: z.infer<(typeof apiContract)[M]['args']>;
    result: z.infer<(typeof apiContract)[M]['result']>;
  };
};
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

/** The keys of a table, typed as its keys (Object.keys says string[]). */
function keysOf<T extends object>(table: T): readonly (keyof T & string)[] {
  return Object.freeze(Object.keys(table) as (keyof T & string)[]);
}

/** The method names as a value, for the preload and the bridges to iterate. */
export const API_METHODS = keysOf(apiContract);

/** True when `method` names an API call (own keys only, so "__proto__" is not one). */
export const isApiMethod = (method: unknown): method is ApiMethod =>
  typeof method === 'string' && Object.hasOwn(apiContract, method);

/** Turns zod issues into one sentence naming the field, e.g. "ids.0 must be an article id". */
export function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = field ? ` in ${field}` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}${where}`;
    }
    if (!field && issue.code === 'invalid_type') return 'the arguments must be an object';
    return field ? `${field} ${issue.message}` : `arguments ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Bad arguments for ${method}: ${parts.join('; ')}${more}.`;
}

/** A failure people may read: a code to branch on and a sentence, never a stack trace. */
export const apiErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Commands the app menu sends to the page. */
export const MENU_COMMANDS = [
  'check-library',
  'import-files',
  'import-folder',
  'export',
  'export-highlights',
  'highlight-selection',
  'focus-search',
  'toggle-sidebar',
  'theme-system',
  'theme-light',
  'theme-dark',
  'theme-sepia',
  'font-larger',
  'font-smaller',
  'font-reset',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Why the engine says the library changed. */
export const ENGINE_CHANGE_REASONS = [
  'import',
  'tags',
  'highlights',
  'state',
  'trash',
  'reindex',
  // Version groups built after an open, or another main version chosen.
  'versions',
  // People, organisations and places extracted in the background (after an import or an open).
  'entities',
] as const;
/** Why the library changed; 'switch' means another library was opened. */
export const LIBRARY_CHANGE_REASONS = [...ENGINE_CHANGE_REASONS, 'switch'] as const;

/** Every event the main process sends to the renderer, with the schema of its payload. */
export const apiEventContract = {
  importProgress: importProgressSchema.extend({ importId }),
  exportProgress: exportProgressSchema.extend({ exportId: importId }),
  /** Library → Back Up… or Restore… running in main (docs/backup.md). */
  backupProgress: backupRunProgressSchema,
  libraryChanged: z.object({
    reason: z.enum(LIBRARY_CHANGE_REASONS),
    ids: z.array(articleIdSchema).optional(),
  }),
  indexReady: z.object({
    documents: z.number().int().nonnegative(),
    segments: z.number().int().nonnegative(),
  }),
  menuCommand: z.object({ command: z.enum(MENU_COMMANDS) }),
  /** The folder watcher's status changed (a batch imported, a folder gone or back). */
  watchStatus: watchStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type ApiEvent = keyof typeof apiEventContract;
/** Every event's payload, as TypeScript types. */
export type ApiEvents = { [E in ApiEvent]: z.infer<(typeof apiEventContract)[E]> };

/** The event names as a value. */
export const API_EVENTS = keysOf(apiEventContract);

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
