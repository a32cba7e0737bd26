// The one implementation of the API contract: a plain table, method -> async handler, over
// the engine. ipcMain serves it in the app and the HTTP bridge serves it in the e2e tests;
// both go through dispatch(), which validates arguments before any handler runs.
import { ArchiveError } from '../core/errors';
import type { LibraryEngine } from '../core/engine';
import type { ImportProgress, ImportSource, ImportSummary } from '../contract/types';
import type { ApiArgs, ApiMethod, ApiResult, Settings } from '../contract/api-contract';
import type { Emit } from './engine-slot';
import { ImportRegistry } from './import-registry';
import type { PathPolicy } from './path-grants';
import { throttleProgress } from './progress-throttle';

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
}

export type ApiHandlers = {
  [M in ApiMethod]: (args: ApiArgs<M>, call: CallInfo) => Promise<ApiResult<M>>;
};

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
        onProgress: (p) => progress.push(p),
      });
    } finally {
      progress.flush();
      imports.finish(importId, controller);
    }
  }

  return {
    async importPaths({ importId, paths }) {
      const refused = paths.filter((p) => !ctx.paths.isAllowed(p));
      if (refused.length > 0) {
        throw new ArchiveError(
          'FORBIDDEN',
          `Only files and folders you chose or dropped can be imported; ${refused.length === 1 ? 'this path was' : `${refused.length} paths were`} not: ${refused[0]}`,
        );
      }
      return runImport(
        importId,
        paths.map((path) => ({ path })),
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
    listArticles: (query) => engine().list(query),
    getArticle: ({ id, highlight }) =>
      engine().get(id, highlight === undefined ? undefined : { highlight }),
    search: (query) => engine().search(query),
    addTags: ({ ids, tags }) => engine().addTags(ids, tags),
    removeTags: ({ ids, tags }) => engine().removeTags(ids, tags),
    async restoreTags(snapshot) {
      await engine().restoreTags(snapshot);
      return null;
    },
    listTags: () => engine().listTags(),
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
    emptyTrash: () => engine().emptyTrash(),
    stats: () => engine().stats(),
    getSettings: () => ctx.settings.get(),
    setSettings: (patch) => ctx.settings.update(patch),
  };
}
