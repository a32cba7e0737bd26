// The one implementation of the API contract: a plain table, method -> async handler, over
// the engine. ipcMain serves it in the app and the HTTP bridge serves it in the e2e tests;
// both go through dispatch(), which validates arguments before any handler runs. A call that
// is an engine method of the same name, taking the call's arguments as they are, needs no
// handler: the table forwards it (and the compiler checks that it can).
import { ArchiveError } from '../core/errors';
import type { LibraryEngine } from '../core/engine';
import { throttleProgress } from '../core/import/progress-throttle';
import type { ImportProgress, ImportSource, ImportSummary } from '../contract/types';
import {
  API_METHODS,
  type ApiArgs,
  type ApiMethod,
  type ApiResult,
  type Settings,
} from '../contract/api-contract';
import type { Emit } from './engine-slot';
import { ImportRegistry } from './import-registry';
import type { PathPolicy } from './path-grants';
import { revealSource } from './reveal-source';
import { exportCalls, type ChooseExportPath } from './export-calls';

/** Who made a call; the transport has already checked the sender. */
export interface CallInfo {
  transport: 'ipc' | 'http' | 'test';
  /** webContents id for IPC calls. */
  senderId?: number;
}

/** App preferences as the handlers need them. */
export interface SettingsAccess {
  get(): Promise<Settings>;
  /** Merges a validated patch, saves it, returns the new settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export interface HandlerContext {
  /** The open library; throws when none is open. */
  getEngine(): LibraryEngine;
  settings: SettingsAccess;
  /** Folder of the bundled sample articles. */
  sampleDir: string;
  emit: Emit;
  /** Which paths importPaths may name. */
  paths: PathPolicy;
  /** Running imports; pass one in to cancel them all from outside (library switch, quit). */
  imports?: ImportRegistry;
  /** Milliseconds between importProgress events (default 50). */
  progressIntervalMs?: number;
  /** Shows a file in the system's file manager; absent where there is none (the HTTP bridge). */
  reveal?: (path: string) => void | Promise<void>;
  /** Main's save dialog for File → Export…; absent: exports are refused. */
  chooseExportPath?: ChooseExportPath;
  /** Running Library → Back Up… and Restore… runs (started from the menu in main), by runId. */
  backups?: ImportRegistry;
}

/** One call's handler, typed by the contract's argument and result schemas. */
export type ApiHandler<M extends ApiMethod> = (
  args: ApiArgs<M>,
  call: CallInfo,
) => Promise<ApiResult<M>>;

export type ApiHandlers = { [M in ApiMethod]: ApiHandler<M> };

/**
 * Calls the engine serves as they are: it has a method of the same name that takes the call's
 * argument object (or nothing) and answers the call's result.
 */
export type EngineServedMethod = {
  [M in ApiMethod]: M extends keyof LibraryEngine
    ? LibraryEngine[M] extends (args: ApiArgs<M>) => Promise<ApiResult<M>>
      ? M
      : never
    : never;
}[ApiMethod];

/** The handlers to write: every call, except that the engine-served ones are optional. */
export type WrittenHandlers = Omit<ApiHandlers, EngineServedMethod> &
  Partial<Pick<ApiHandlers, EngineServedMethod>>;

/** The full table: the written handlers, and for every other call the engine's own method. */
function withEngineMethods(written: WrittenHandlers, engine: () => LibraryEngine): ApiHandlers {
  const table: Record<string, unknown> = { ...written };
  for (const method of API_METHODS) {
    if (table[method] !== undefined) continue;
    // EngineServedMethod guarantees that the engine has this method and takes these arguments.
    table[method] = (args: unknown) =>
      (engine() as unknown as Record<string, (args: unknown) => Promise<unknown>>)[method]!(args);
  }
  return table as ApiHandlers;
}

/** Builds the handler table over the context's engine, settings and path policy. */
export function createHandlers(ctx: HandlerContext): ApiHandlers {
  const imports = ctx.imports ?? new ImportRegistry();
  const engine = () => ctx.getEngine();

  async function runImport(importId: string, sources: ImportSource[]): Promise<ImportSummary> {
    const controller = imports.start(importId);
    const progress = throttleProgress(
      (p: ImportProgress) => ctx.emit('importProgress', { ...p, importId }),
      ctx.progressIntervalMs ?? 50,
    );
    try {
      return await engine().importSources(sources, {
        signal: controller.signal,
        onProgress: (p) => progress.report(p),
      });
    } finally {
      progress.flush();
      imports.finish(importId, controller);
    }
  }

  const written: WrittenHandlers = {
    async importPaths({ importId, paths }) {
      // Checked as real paths, and the real paths are what gets imported: a symlink cannot
      // lead out of what the user chose, nor be swapped after the check.
      const checks = paths.map((path) => ({ path, check: ctx.paths.check(path) }));
      const missing = checks.filter((c) => !c.check.allowed && c.check.reason === 'missing');
      if (missing.length > 0) {
        throw new ArchiveError(
          'NOT_FOUND',
          `${missing.length === 1 ? 'This file or folder does not exist' : `${missing.length} files or folders do not exist`} (moved or deleted?): ${missing[0]!.path}`,
        );
      }
      const refused = checks.filter((c) => !c.check.allowed);
      if (refused.length > 0) {
        throw new ArchiveError(
          'FORBIDDEN',
          `Only files and folders you chose or dropped can be imported; ${refused.length === 1 ? 'this path was' : `${refused.length} paths were`} not: ${refused[0]!.path}`,
        );
      }
      return runImport(
        importId,
        checks.map(({ path, check }) => ({ path: check.allowed ? check.realPath : path })),
      );
    },
    async importContents({ importId, files }) {
      return runImport(
        importId,
        files.map(({ name, data }) => ({ name, data })),
      );
    },
    async importSample({ importId }) {
      return runImport(importId, [{ path: ctx.sampleDir }]);
    },
    async cancelImport({ importId }) {
      return { cancelled: imports.cancel(importId) };
    },
    ...exportCalls({ engine, emit: ctx.emit, chooseExportPath: ctx.chooseExportPath }),
    async cancelBackup({ runId }) {
      return { cancelled: ctx.backups?.cancel(runId) ?? false };
    },
    listArticles: (query) => engine().list(query),
    getArticle: ({ id, highlight }) =>
      engine().get(id, highlight === undefined ? undefined : { highlight }),
    addTags: ({ ids, tags }) => engine().addTags(ids, tags),
    removeTags: ({ ids, tags }) => engine().removeTags(ids, tags),
    async restoreTags(snapshot) {
      await engine().restoreTags(snapshot);
      return null;
    },
    async restoreCollections(snapshot) {
      await engine().restoreCollections(snapshot);
      return null;
    },
    async reorderSavedSearches(args) {
      await engine().reorderSavedSearches(args);
      return null;
    },
    renameTag: ({ from, to }) => engine().renameTag(from, to),
    deleteTag: ({ name }) => engine().deleteTag(name),
    async setRead({ ids, read }) {
      await engine().setRead(ids, read);
      return null;
    },
    async setFavourite({ ids, favourite }) {
      await engine().setFavourite(ids, favourite);
      return null;
    },
    async setPosition({ id, position }) {
      await engine().setPosition(id, position);
      return null;
    },
    async trash({ ids }) {
      await engine().trash(ids);
      return null;
    },
    async restore({ ids }) {
      await engine().restore(ids);
      return null;
    },
    purge: ({ ids }) => engine().purge(ids),
    async setMainVersion(args) {
      await engine().setMainVersion(args);
      return null;
    },
    tagsOf: ({ ids }) => engine().tagsOf(ids),
    async showInFolder({ id }) {
      await revealSource(ctx.reveal, (await engine().get(id)).sourcePath);
      return null;
    },
    async addWatchedFolder({ path }) {
      // Like importPaths: only a folder the user chose or dropped, as its real path.
      const check = ctx.paths.check(path);
      if (!check.allowed) {
        throw check.reason === 'missing'
          ? new ArchiveError('NOT_FOUND', `There is no folder at ${path}.`)
          : new ArchiveError(
              'FORBIDDEN',
              `Only a folder you chose or dropped can be watched: ${path}`,
            );
      }
      return engine().addWatchedFolder({ path: check.realPath });
    },
    getSettings: () => ctx.settings.get(),
    setSettings: (patch) => ctx.settings.update(patch),
  };
  return withEngineMethods(written, engine);
}
