// The list's sidebar filters as the facets call takes them.
import type { EntityFacetsQuery } from '../../../main/contract/entity-facets';
import type { Filters } from '../sidebar/Sidebar';

/** The view and filters of the list, for counting the entities of the articles it shows. */
export function entityFilters(f: Filters): Omit<EntityFacetsQuery, 'query' | 'prefix' | 'limit'> {
  return {
    view: f.view,
    tags: f.tags,
    ...(f.place !== null ? { place: f.place } : {}),
    ...(f.language !== null ? { language: f.language } : {}),
    ...(f.collection ? { collection: f.collection } : {}),
    ...(f.from !== undefined ? { from: f.from } : {}),
    ...(f.to !== undefined ? { to: f.to } : {}),
  };
}
