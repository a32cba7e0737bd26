// `list` without the engine: a read-only open of the catalogue alone, and the engine's own
// filtering, sort orders and paging over it. The engine's open loads every module of the
// engine (the search, the article parser, the exporters…) and `list` uses none of them;
// scripts call it once per keystroke (docs/benchmarks.md, "Cold command line"). What a
// read-only, lean open of the engine adds to a list (version counts, the index) it does not
// show, so the pages are the same (tests/unit/cli/catalog-list.test.ts checks they are).
import { resolve } from 'node:path';
import type { ArticlePage, ListQuery } from '../contract/types';
import { checkPaging, pageOf, recordFilter, unfilteredTotal } from '../core/library/list-query';
import { toMeta } from '../core/library/meta';
import { prepareFolder } from '../core/library/open-folder';
import { SortedOrders } from '../core/library/sorted-orders';
import { deriveLegacyCollections } from '../core/organise/legacy-collections';
import { ArticleStore } from '../core/store/article-store';
import { Catalog } from '../core/store/catalog';

/** A query the command line's `list` makes: always with a limit, never hiding versions. */
export type CatalogListQuery = Omit<ListQuery, 'hideVersions' | 'limit'> & { limit: number };

/** The catalogue of a library, opened read-only for listing. */
export interface CatalogList {
  list(query: CatalogListQuery): Promise<ArticlePage>;
  close(): Promise<void>;
}

/** Opens the catalogue at `dir` read-only, as a lean engine open would (same checks, errors). */
export async function openCatalogList(dir: string): Promise<CatalogList> {
  const path = resolve(dir);
  await prepareFolder(path, { create: true, readOnly: true });
  const store = new ArticleStore(path);
  const { catalog, orders: saved } = await Catalog.load(path, store, true);
  deriveLegacyCollections(catalog.records.legacyRecords());
  const orders = new SortedOrders(catalog.records, () => catalog.membership);
  orders.seed(saved);
  return {
    list: async (query) => {
      const { offset, limit } = checkPaging(query.offset, query.limit, query.limit);
      const keep = recordFilter(query);
      const counted = unfilteredTotal(query, catalog.records.size, catalog.trashedIds.size);
      const sorted = orders.sorted(query.sort ?? 'imported', query.order ?? 'desc');
      return pageOf(sorted, keep, offset, limit, counted, toMeta);
    },
    close: async () => {
      await catalog.close();
      await store.close();
    },
  };
}
