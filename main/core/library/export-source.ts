// Which articles an export writes (a selection, a search, a view, the whole library) and how
// each one is loaded for the exporters.
import type { ExportFormat, ExportScope } from '../../contract/export';
import type { Highlight } from '../../contract/highlights';
import type { ExportSource } from '../export/export-article';
import type { SearchIndexApi } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import { loadArticle } from './article-text';
import { checkIds, notFound } from './ids';
import { recordFilter, sortRecords } from './list-query';
import { toMeta } from './meta';

export interface ExportSourceDeps {
  records: ReadonlyMap<string, ArticleRecord>;
  store: ArticleStore;
  index: () => Promise<SearchIndexApi>;
  place: (record: ArticleRecord, body: string) => Highlight[];
}

/**
 * True when the scope is the whole library in JSON Lines: the one lossless export, so the
 * trash goes with it (and comes back in the trash on import). Every other scope leaves it out.
 */
export function includesTrash(format: ExportFormat, scope: ExportScope): boolean {
  return (
    format === 'jsonl' &&
    scope.ids === undefined &&
    (scope.query ?? '').trim() === '' &&
    scope.view === undefined &&
    (scope.tags?.length ?? 0) === 0 &&
    scope.collection === undefined &&
    scope.place === undefined &&
    scope.language === undefined &&
    scope.from === undefined &&
    scope.to === undefined
  );
}

/** The ids a scope picks: the selection as given, search hits best first, else oldest first. */
export async function exportIds(
  format: ExportFormat,
  scope: ExportScope,
  deps: ExportSourceDeps,
): Promise<string[]> {
  const { records } = deps;
  if (scope.ids !== undefined) {
    const ids = checkIds(scope.ids);
    for (const id of ids) if (!records.has(id)) throw notFound(id);
    return ids;
  }
  const everything = includesTrash(format, scope);
  const keep = recordFilter({
    view: scope.view,
    tags: scope.tags,
    collection: scope.collection,
    place: scope.place,
    language: scope.language,
    from: scope.from,
    to: scope.to,
  });
  const query = scope.query?.trim() ?? '';
  if (query !== '') {
    const index = await deps.index();
    const result = await index.search(
      query,
      (id) => {
        const r = records.get(id);
        return r !== undefined && keep(r);
      },
      {
        collectionOf: (id) => records.get(id)?.collection,
        dateOf: (id) => records.get(id)?.articleDate,
      },
    );
    return result.hits.map((h) => h.id);
  }
  const picked = [...records.values()].filter((r) => everything || keep(r));
  return sortRecords(picked, 'imported', 'asc').map((r) => r.id);
}

/** The export source over the library: the picked ids and a loader of each article. */
export async function librarySource(
  format: ExportFormat,
  scope: ExportScope,
  deps: ExportSourceDeps,
): Promise<ExportSource> {
  const ids = await exportIds(format, scope, deps);
  return {
    ids,
    load: async (id) => {
      const record = deps.records.get(id);
      if (!record) throw notFound(id);
      const { stored, original, clean } = await loadArticle(deps.store, id);
      return {
        meta: toMeta(record),
        dateline: clean.dateline,
        body: clean.body,
        original: stored.original,
        originalText: original,
        highlights: deps.place(stored.record, clean.body),
        storedHighlights: stored.record.highlights ?? [],
      };
    },
  };
}
