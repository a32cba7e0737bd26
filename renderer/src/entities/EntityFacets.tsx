// The sidebar's People / Organisations / Places: for the list as it is (view, filters,
// search), the names most of its articles carry, with counts. A click filters the list (it
// adds person:"Name" to the search, see entity-query.ts); a second click takes it out. The
// top ten show, "More" shows the top 50, and each facet's filter box finds any other name.
import { useId, useState } from 'react';
import { FACET_KEYS, type EntityType } from '../../../main/contract/entities';
import {
  FACET_TOP,
  type EntityFacetsQuery,
  type FacetEntry,
} from '../../../main/contract/entity-facets';
import { entityClause, hasClause, toggleClause } from './entity-query';
import { useEntityFacets } from './useEntityFacets';

/** Names a facet shows before "More". */
export const FACET_SHOWN = 10;

interface Props {
  /** The list's view and filters (the search text comes as `query`). */
  filters: Omit<EntityFacetsQuery, 'query' | 'prefix' | 'limit'>;
  query: string;
  setQuery(query: string): void;
  /** Changes when the library changes: the facets are asked for again. */
  refresh: unknown;
}

const TITLES: Record<EntityType, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
};

/** The three entity facets, one below the other. */
export function EntityFacets({ filters, query, setQuery, refresh }: Props) {
  const facets = useEntityFacets({ ...filters, query }, refresh);
  if (!facets) return null;
  const empty = facets.totals.people + facets.totals.organisations + facets.totals.places === 0;
  if (empty && facets.pending === 0) return null;
  return (
    <div className="entity-facets">
      {facets.pending > 0 && (
        <p className="entity-note" role="status">
          Finding names in {facets.pending.toLocaleString()} articles…
        </p>
      )}
      {(['person', 'organisation', 'place'] as const).map((type) => (
        <EntityFacet
          key={type}
          type={type}
          entries={facets[FACET_KEYS[type]]}
          total={facets.totals[FACET_KEYS[type]]}
          filters={filters}
          query={query}
          setQuery={setQuery}
          refresh={refresh}
        />
      ))}
    </div>
  );
}

function EntityFacet(props: {
  type: EntityType;
  entries: FacetEntry[];
  total: number;
  filters: Props['filters'];
  query: string;
  setQuery(query: string): void;
  refresh: unknown;
}) {
  const { type, query, setQuery } = props;
  const [prefix, setPrefix] = useState('');
  const [more, setMore] = useState(false);
  const headingId = useId();
  const filtering = prefix.trim() !== '';
  const filtered = useFilteredFacet(type, prefix, props.filters, query, props.refresh);
  const entries = filtering ? (filtered ?? []) : props.entries;
  const shown = more || filtering ? entries : entries.slice(0, FACET_SHOWN);
  if (props.total === 0 && !filtering) return null;
  const title = TITLES[type];
  return (
    <section className="facet entity-facet" aria-labelledby={headingId}>
      <div className="facet-head">
        <h2 id={headingId}>{title}</h2>
        {!filtering && entries.length > FACET_SHOWN && (
          <button type="button" className="link-button" onClick={() => setMore((m) => !m)}>
            {more ? 'Fewer' : 'More'}
          </button>
        )}
      </div>
      {type !== 'place' && <p className="entity-note">English articles only</p>}
      <input
        type="search"
        className="entity-filter"
        placeholder={`Filter ${title.toLowerCase()}`}
        aria-label={`Filter ${title.toLowerCase()}`}
        value={prefix}
        onChange={(e) => setPrefix(e.target.value)}
      />
      <ul>
        {shown.map((e) => {
          const clause = entityClause(type, e.name);
          return (
            <li key={e.name}>
              <button
                type="button"
                className="nav-item"
                aria-pressed={hasClause(query, clause)}
                onClick={() => setQuery(toggleClause(query, clause))}
              >
                <span className="nav-label" dir="auto">
                  {e.name}
                </span>
                <span className="count">{e.count.toLocaleString()}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {filtering && filtered !== null && entries.length === 0 && (
        <p className="entity-note">
          No {title.toLowerCase()} start with “{prefix.trim()}”.
        </p>
      )}
      {!filtering && more && props.total > FACET_TOP && (
        <p className="entity-note">
          {(props.total - FACET_TOP).toLocaleString()} more: type in the filter to find them.
        </p>
      )}
    </section>
  );
}

/** One type's names with a word starting with `prefix` (null until answered; none when blank). */
function useFilteredFacet(
  type: EntityType,
  prefix: string,
  filters: Props['filters'],
  query: string,
  refresh: unknown,
): FacetEntry[] | null {
  const blank = prefix.trim() === '';
  const facets = useEntityFacets(blank ? null : { ...filters, query, prefix }, refresh);
  if (blank || !facets) return null;
  return facets[FACET_KEYS[type]];
}
