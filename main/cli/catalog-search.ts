// `search` without the engine: a read-only open of the catalogue, the search index on this
// thread and the article files, and the engine's own search over them (search-runner.ts).
// The engine's open loads every module of the engine (the importer, the entities, versions,
// watching, exporting…) and a search that asks no names uses none of them; scripts call it
// once per keystroke (docs/benchmarks.md, "Cold command line"). The answers are the engine's
// own (tests/unit/cli/catalog-search.test.ts checks they are).
import { join, resolve } from 'node:path';
import type { SearchQuery, SearchResult } from '../contract/types';
import { cleanArticle } from '../core/text/parse-article';
import { sourceTextOf } from '../core/html/source-text';
import { toIndexDoc } from '../core/library/article-text';
import { IndexSlot } from '../core/library/index-slot';
import { prepareFolder } from '../core/library/open-folder';
import { readerDamage } from '../core/library/reader-damage';
import { runSearch } from '../core/library/search-runner';
import { deriveLegacyCollections } from '../core/organise/legacy-collections';
import { makeSnippet } from '../core/search/query/snippet';
import { SearchIndex } from '../core/search/segmented-index';
import { ArticleStore } from '../core/store/article-store';
import { Catalog } from '../core/store/catalog';

/** A library opened read-only for searches that ask no entities (person:, org:, place:). */
export interface CatalogSearch {
  search(query: SearchQuery): Promise<SearchResult>;
  close(): Promise<void>;
}

/** Opens the library at `dir` read-only for searching, as a lean engine open would. */
export async function openCatalogSearch(dir: string): Promise<CatalogSearch> {
  const path = resolve(dir);
  await prepareFolder(path, { create: true, readOnly: true });
  const store = new ArticleStore(path);
  const { catalog } = await Catalog.load(path, store, true);
  deriveLegacyCollections(catalog.records.legacyRecords());
  const slot = new IndexSlot(
    () =>
      new SearchIndex({
        dir: join(path, 'index'),
        // Articles the saved index lacks are indexed in memory (a reader cannot save them).
        loadDoc: async (id) => {
          const stored = await store.read(id).catch(() => null);
          if (!stored) return null;
          try {
            return toIndexDoc(stored.record, cleanArticle(sourceTextOf(stored)).body);
          } catch {
            return null;
          }
        },
        readOnly: true,
      }),
    join(path, 'index'),
  );
  slot.start(() => catalog.records.revisionsView(), undefined, true);
  return {
    search: async (query) => {
      // A blank query answers nothing without the index, as the engine's does.
      const blank = typeof query.query !== 'string' || query.query.trim() === '';
      const index = blank ? slot.current : await slot.get();
      const result = await runSearch(query, { index, catalog, store, makeSnippet });
      const damage = readerDamage(index, result);
      if (damage) throw damage;
      return result;
    },
    close: async () => {
      await slot.close();
      await catalog.close();
      await store.close();
    },
  };
}
