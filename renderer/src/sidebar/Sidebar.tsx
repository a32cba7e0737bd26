import type { ReactNode } from 'react';
import type { LibraryStats, LibraryView } from '../../../main/contract/types';
import { formatPlace, languageName } from '../shared/format';

export interface Filters {
  view: LibraryView;
  tags: string[];
  place: string | null;
  language: string | null;
  /** Articles of one collection (the first folder below an imported one); absent: all. */
  collection?: string | null;
  /** A range picked on the timeline: articles dated within it (ISO days, inclusive). */
  from?: string;
  to?: string;
}

interface Props {
  stats: LibraryStats | null;
  filters: Filters;
  onFilters(next: Filters): void;
  onManageTags(): void;
  /** The Highlights view: shown instead of the article list while active. */
  highlightsActive?: boolean;
  onHighlights?(): void;
  /** The saved searches and collections sections, shown after the views. */
  saved?: ReactNode;
  collections?: ReactNode;
  /** People / Organisations / Places (their places include the datelines' places). */
  entities?: ReactNode;
}

const VIEWS: { view: LibraryView; label: string; count: (s: LibraryStats) => number }[] = [
  { view: 'all', label: 'All articles', count: (s) => s.articles },
  { view: 'unread', label: 'Unread', count: (s) => s.unread },
  { view: 'favourites', label: 'Favourites', count: (s) => s.favourites },
  { view: 'trash', label: 'Trash', count: (s) => s.trash },
];

const sameTag = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function Facet(props: {
  title: string;
  items: { name: string; label: string; count: number }[];
  isActive(name: string): boolean;
  onToggle(name: string): void;
  action?: { label: string; onClick(): void };
}) {
  if (props.items.length === 0 && !props.action) return null;
  const id = `facet-${props.title.toLowerCase()}`;
  return (
    <section className="facet" aria-labelledby={id}>
      <div className="facet-head">
        <h2 id={id}>{props.title}</h2>
        {props.action && (
          <button type="button" className="link-button" onClick={props.action.onClick}>
            {props.action.label}
          </button>
        )}
      </div>
      <ul>
        {props.items.map((item) => (
          <li key={item.name}>
            <button
              type="button"
              className="nav-item"
              aria-pressed={props.isActive(item.name)}
              onClick={() => props.onToggle(item.name)}
            >
              <span className="nav-label">{item.label}</span>
              <span className="count">{item.count.toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Library views, tags (click filters, a second narrows) and place/language facets. */
export function Sidebar(props: Props) {
  const { stats, filters, onFilters, onManageTags, highlightsActive = false } = props;
  const toggleTag = (name: string) => {
    const has = filters.tags.some((t) => sameTag(t, name));
    onFilters({
      ...filters,
      tags: has ? filters.tags.filter((t) => !sameTag(t, name)) : [...filters.tags, name],
    });
  };
  return (
    <nav className="sidebar" aria-label="Library">
      <ul className="views">
        {VIEWS.map((v) => (
          <li key={v.view}>
            <button
              type="button"
              className="nav-item"
              aria-current={!highlightsActive && filters.view === v.view ? 'page' : undefined}
              onClick={() => onFilters({ ...filters, view: v.view })}
            >
              <span className="nav-label">{v.label}</span>
              <span className="count">{stats ? v.count(stats).toLocaleString() : '–'}</span>
            </button>
          </li>
        ))}
        {props.onHighlights && (
          <li>
            <button
              type="button"
              className="nav-item"
              aria-current={highlightsActive ? 'page' : undefined}
              onClick={props.onHighlights}
            >
              <span className="nav-label">Highlights</span>
            </button>
          </li>
        )}
      </ul>
      {props.saved}
      {props.collections}
      <Facet
        title="Tags"
        items={(stats?.tags ?? []).map((t) => ({ name: t.name, label: t.name, count: t.count }))}
        isActive={(name) => filters.tags.some((t) => sameTag(t, name))}
        onToggle={toggleTag}
        // Also with no tags yet: the tag manager holds the tagging rules.
        action={stats ? { label: 'Manage', onClick: onManageTags } : undefined}
      />
      {props.entities ?? (
        <Facet
          title="Places"
          items={(stats?.places ?? []).slice(0, 30).map((p) => ({
            name: p.name,
            label: formatPlace(p.name),
            count: p.count,
          }))}
          isActive={(name) => filters.place === name}
          onToggle={(name) =>
            onFilters({ ...filters, place: filters.place === name ? null : name })
          }
        />
      )}
      <Facet
        title="Languages"
        items={(stats?.languages ?? []).map((l) => ({
          name: l.name,
          label: languageName(l.name),
          count: l.count,
        }))}
        isActive={(name) => filters.language === name}
        onToggle={(name) =>
          onFilters({ ...filters, language: filters.language === name ? null : name })
        }
      />
    </nav>
  );
}
