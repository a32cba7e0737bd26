// An in-memory LibraryEngine for testing the handler table's own logic (validation, grants,
// progress, cancel) without disk. The real engine is exercised in remote-engine.test.ts.
import { ArchiveError } from '../../../main/core/errors';
import type { ImportOptions, LibraryChange, LibraryEngine } from '../../../main/core/engine';
import { proxyMethods } from '../../../main/core/host/engine-proxy';
import type { ArticleMeta, ImportSource, ImportSummary } from '../../../main/contract/types';

export interface FakeEngine extends LibraryEngine {
  calls: { method: string; args: unknown[] }[];
  /** Resolves the next waiting import step (when stepping is on). */
  step(): void;
  stepping: boolean;
  fire(change: LibraryChange): void;
  closed: boolean;
}

/** A fake engine: importSources reports one progress event per source. */
export function fakeEngine(path = '/lib'): FakeEngine {
  const listeners = new Set<(c: LibraryChange) => void>();
  const waiters: (() => void)[] = [];
  const calls: FakeEngine['calls'] = [];
  // Every method of the table records its call and answers null, so a method added to the
  // engine needs no edit here; the ones below answer something more useful.
  const recorded = proxyMethods(async (method, args) => {
    calls.push({ method, args });
    return null;
  });
  const engine: FakeEngine = {
    ...recorded,
    path,
    readOnly: false,
    calls,
    stepping: false,
    closed: false,
    step: () => waiters.shift()?.(),
    fire: (c) => listeners.forEach((l) => l(c)),
    async importSources(sources: ImportSource[], options?: ImportOptions): Promise<ImportSummary> {
      calls.push({ method: 'importSources', args: [sources] });
      const summary: ImportSummary = {
        imported: [],
        duplicates: [],
        failed: [],
        skipped: 0,
        cancelled: false,
      };
      for (const [i, s] of sources.entries()) {
        if (options?.signal?.aborted) {
          summary.cancelled = true;
          break;
        }
        if (engine.stepping) await new Promise<void>((r) => waiters.push(r));
        const name = 'path' in s ? s.path : s.name;
        summary.imported.push({ id: i.toString(16).padStart(16, '0'), title: name, path: name });
        options?.onProgress?.({
          done: i + 1,
          total: sources.length,
          current: name,
          imported: i + 1,
          duplicates: 0,
          failed: 0,
        });
      }
      return summary;
    },
    list: async (query) => {
      calls.push({ method: 'list', args: [query] });
      return { total: 0, offset: query?.offset ?? 0, items: [] as ArticleMeta[] };
    },
    get: async (id) => {
      calls.push({ method: 'get', args: [id] });
      throw new ArchiveError('NOT_FOUND', `No article with id ${id}.`);
    },
    search: async (q) => {
      calls.push({ method: 'search', args: [q] });
      if (q.query === 'boom') throw new Error('secret stack detail');
      return { total: 0, hits: [], partial: false, tookMs: 0 };
    },
    addTags: async (ids, tags) => {
      calls.push({ method: 'addTags', args: [ids, tags] });
      return { entries: ids.map((id) => ({ id, tags: [] })) };
    },
    removeTags: async (ids, tags) => {
      calls.push({ method: 'removeTags', args: [ids, tags] });
      return { entries: [] };
    },
    listTags: async () => [],
    tagsOf: async () => [],
    renameTag: async () => ({ entries: [] }),
    deleteTag: async () => ({ entries: [] }),
    emptyTrash: async () => ({ removed: 0 }),
    purge: async (ids) => ({ removed: ids.length }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      engine.closed = true;
    },
  };
  return engine;
}
