// The facets of the list as it is (view, filters, search text), fetched again whenever any
// of these or the library changes; with a prefix, one type's names past the top ones.
import { useEffect, useState } from 'react';
import {
  entityFacetsQuerySchema,
  entityFacetsSchema,
  type EntityFacets,
  type EntityFacetsQuery,
} from '../../../main/contract/entity-facets';
import { getClient } from '../api/client';

/**
 * The facets for `query`, or null until the first answer (kept while the next loads); a null
 * `query` asks nothing.
 */
export function useEntityFacets(
  query: EntityFacetsQuery | null,
  refresh: unknown,
): EntityFacets | null {
  const [facets, setFacets] = useState<EntityFacets | null>(null);
  // The query's value, not its identity, decides when to ask again.
  const key = JSON.stringify(query);
  useEffect(() => {
    const asked = entityFacetsQuerySchema.nullable().parse(JSON.parse(key));
    if (asked === null) return;
    let live = true;
    // Typing in the search box or a filter box asks once it pauses, not at every key.
    const timer = setTimeout(() => {
      getClient()
        .call('entityFacets', asked)
        .then(
          (f) => {
            // Checked like any answer from the other side: a bad one is no facets.
            const parsed = entityFacetsSchema.safeParse(f);
            if (live && parsed.success) setFacets(parsed.data);
          },
          // The facets are an aid: on failure the last ones stay.
          () => undefined,
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, refresh]);
  return facets;
}
