// The sidebar's facets: over the articles of a view (or a search's hits), the people,
// organisations and places most of them name, with counts, optionally only names with a word
// starting with a prefix (the facet's filter box reaches the names past the top ones).
import { FACET_TOP } from '../../contract/entity-facets';
import type { EntityFacets, EntityFacetsQuery } from '../../contract/entity-facets';
import { QueryError } from '../errors';
import type { Catalog } from '../store/catalog';
import { recordFilter } from '../library/list-query';
import { topNames } from './entity-index';
import type { LibraryEntities } from './library-entities';

export interface FacetDeps {
  catalog: Catalog;
  entities: LibraryEntities;
  /** Ids of every article a query matches among those `keep` lets through. */
  searchIds: (query: string, keep: (id: string) => boolean) => Promise<string[]>;
}

/** Counts the entities of the articles the query selects (a bad search query counts none). */
export async function entityFacets(q: EntityFacetsQuery, deps: FacetDeps): Promise<EntityFacets> {
  const keep = recordFilter({
    view: q.view,
    tags: q.tags,
    place: q.place,
    language: q.language,
    collection: q.collection,
    from: q.from,
    to: q.to,
  });
  const records = deps.catalog.records;
  let ids: Iterable<string>;
  if (q.query !== undefined && q.query.trim() !== '') {
    try {
      ids = await deps.searchIds(q.query, (id) => {
        const r = records.get(id);
        return r !== undefined && keep(r);
      });
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      ids = [];
    }
  } else {
    ids = (function* () {
      for (const r of records.values()) if (keep(r)) yield r.id;
    })();
  }
  const counts = deps.entities.index.count(ids);
  const limit = q.limit ?? FACET_TOP;
  const prefix = q.prefix ?? '';
  const people = topNames(counts.get('person')!, limit, prefix);
  const organisations = topNames(counts.get('organisation')!, limit, prefix);
  const places = topNames(counts.get('place')!, limit, prefix);
  return {
    people: people.entries,
    organisations: organisations.entries,
    places: places.entries,
    totals: { people: people.total, organisations: organisations.total, places: places.total },
    pending: deps.entities.pending(),
  };
}
