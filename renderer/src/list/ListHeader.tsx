import type { ArticleSort, SearchSort } from '../../../main/contract/types';
import { formatPlace, languageName, plural } from '../shared/format';
import type { Filters } from '../sidebar/Sidebar';

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
  viewLabel: string;
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
  ];
  const count = props.searching
    ? `${plural(props.total, 'result')}${props.partial ? ' so far' : ''}`
    : plural(props.total, 'article');
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
      </div>
      {props.searching && props.partial && (
        <p className="list-notice" role="status" data-testid="partial-notice">
          Index still loading — results may be incomplete
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
