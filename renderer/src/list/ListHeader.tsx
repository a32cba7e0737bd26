import type { ListDensity } from '../../../main/contract/settings';
import type { ArticleSort, SearchSort } from '../../../main/contract/types';
import { formatPlace, languageName, plural } from '../shared/format';
import type { Filters } from '../sidebar/Sidebar';
import type { SearchMode } from './useArticleRows';
import type { PageNotes } from './usePagedQuery';

interface Props {
  searching: boolean;
  loading: boolean;
  total: number;
  partial?: boolean;
  tookMs?: number;
  filters: Filters;
  onFilters(f: Filters): void;
  sort: ArticleSort | SearchSort;
  onSort(sort: string): void;
  /** The sort runs against its usual direction. */
  reversed?: boolean;
  onReversed?(reversed: boolean): void;
  density?: ListDensity;
  onDensity?(density: ListDensity): void;
  /** The list shows one version of each story; searches show every version. */
  hideVersions?: boolean;
  onHideVersions?(hide: boolean): void;
  viewLabel: string;
  /** What the search said about its words (corrected spellings). */
  notes?: PageNotes;
  /** Reruns the search shown in another mode (the words as typed). */
  onSearchMode?(mode: SearchMode): void;
  /** Searches for other words (a "Did you mean" suggestion). */
  onQuery?(query: string): void;
}

/** Count, active filters (each removable) and the sort order. */
export function ListHeader(props: Props) {
  const { filters, onFilters } = props;
  const chips: { label: string; clear(): void }[] = [
    ...filters.tags.map((t) => ({
      label: `tag: ${t}`,
      clear: () => onFilters({ ...filters, tags: filters.tags.filter((x) => x !== t) }),
    })),
    ...(filters.place
      ? [{ label: formatPlace(filters.place), clear: () => onFilters({ ...filters, place: null }) }]
      : []),
    ...(filters.language
      ? [
          {
            label: languageName(filters.language),
            clear: () => onFilters({ ...filters, language: null }),
          },
        ]
      : []),
    ...(filters.collection
      ? [
          {
            label: `collection: ${filters.collection}`,
            clear: () => onFilters({ ...filters, collection: null }),
          },
        ]
      : []),
  ];
  // While a search runs, the last count (often the whole list's) would be wrong: say so.
  const scope = filters.view === 'all' ? '' : ` in ${props.viewLabel}`;
  const count = props.searching
    ? props.loading
      ? 'Searching…'
      : `${plural(props.total, 'result')}${scope}${props.partial ? ' so far' : ''}`
    : plural(props.total, 'article');
  const settled = props.searching && !props.loading;
  const corrected = settled ? (props.notes?.corrected ?? []) : [];
  const ignored = settled ? (props.notes?.ignored ?? []) : [];
  const asTyped = [...corrected.map((c) => c.from), ...ignored].join(' ');
  const better = settled ? props.notes?.didYouMean : undefined;
  return (
    <div className="list-header">
      <div className="list-summary">
        <span className="list-count" aria-live="polite" data-testid="list-count">
          {props.searching ? count : `${props.viewLabel} · ${count}`}
        </span>
        <label className="sort">
          <span className="visually-hidden">Sort by</span>
          <select value={props.sort} onChange={(e) => props.onSort(e.target.value)}>
            {props.searching && <option value="relevance">Best match</option>}
            <option value="imported">Recently added</option>
            <option value="date">Date</option>
            <option value="title">Title</option>
          </select>
        </label>
        <SortDirection sort={props.sort} reversed={props.reversed} onReversed={props.onReversed} />
        {props.onDensity && (
          <button
            type="button"
            className="list-tool"
            aria-pressed={props.density === 'compact'}
            title="Compact rows: title, date and source only"
            onClick={() =>
              props.onDensity?.(props.density === 'compact' ? 'comfortable' : 'compact')
            }
          >
            Compact
          </button>
        )}
        {props.onHideVersions && !props.searching && (
          <button
            type="button"
            className="list-tool"
            aria-pressed={props.hideVersions === true}
            title="Show one article per story: its main version"
            onClick={() => props.onHideVersions?.(!props.hideVersions)}
          >
            Hide other versions
          </button>
        )}
      </div>
      {props.searching && props.partial && (
        <p className="list-notice" role="status" data-testid="partial-notice">
          Index still loading — results may be incomplete
        </p>
      )}
      {settled && props.notes?.passage && (
        <p className="list-notice" role="status" data-testid="passage-notice">
          A long passage is searched as a bag of its words, best matches first. Put it in quotes to
          find it as written.
        </p>
      )}
      {asTyped && (
        <p className="list-notice" role="status" data-testid="corrected-notice">
          {corrected.length > 0 && (
            <>
              Showing results for{' '}
              {corrected.map((c, i) => (
                <span key={c.from}>
                  {i > 0 && ', '}
                  <strong>{c.to}</strong>
                </span>
              ))}
              {ignored.length > 0 ? '; ' : ' '}
            </>
          )}
          {ignored.length > 0 && <>No article has {ignored.join(', ')}; searched without it </>}—{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => props.onSearchMode?.({ exact: true })}
          >
            search instead for {asTyped}
          </button>
        </p>
      )}
      {better && (
        <p className="list-notice" role="status" data-testid="did-you-mean">
          Did you mean{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => props.onQuery?.(better.query)}
          >
            <bdi>{better.query}</bdi>
          </button>
          ? ({plural(better.total, 'result')})
        </p>
      )}
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label="Active filters">
          {chips.map((c) => (
            <li key={c.label}>
              <button
                type="button"
                className="filter-chip"
                aria-label={`Remove filter ${c.label}`}
                onClick={c.clear}
              >
                {c.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the sort's usual direction and its reverse are called. */
const DIRECTION_NAMES: Record<ArticleSort, [string, string]> = {
  imported: ['Newest first', 'Oldest first'],
  date: ['Newest first', 'Oldest first'],
  title: ['A to Z', 'Z to A'],
};

/** The button that reverses the sort (best match has no direction). */
function SortDirection(props: {
  sort: ArticleSort | SearchSort;
  reversed?: boolean;
  onReversed?(reversed: boolean): void;
}) {
  const { sort, reversed = false, onReversed } = props;
  if (!onReversed || sort === 'relevance') return null;
  const [usual, reverse] = DIRECTION_NAMES[sort];
  const shown = reversed ? reverse : usual;
  return (
    <button
      type="button"
      className="list-tool sort-direction"
      aria-label={`Sort direction: ${shown}`}
      title={`${shown} (click for ${reversed ? usual : reverse})`}
      onClick={() => onReversed(!reversed)}
    >
      <span aria-hidden="true">⇅</span> {shown}
    </button>
  );
}
