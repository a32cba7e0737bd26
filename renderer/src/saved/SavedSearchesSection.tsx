import { useState } from 'react';
import type { SavedSearch, SavedSearchCount } from '../../../main/contract/organise';
import { getClient } from '../api/client';
import { describeFilters, filtersOf, isShowing, type CurrentSearch } from './current-search';
import { SavedSearchDialog } from './SavedSearchDialog';
import { useSavedSearches } from './useSavedSearches';

interface Props {
  /** Changes when the library changes: the counts are fetched again. */
  refresh: unknown;
  current: CurrentSearch;
  onRun(s: SavedSearch): void;
  /** A notice, with an undo when given. */
  notify(message: string, undo?: () => Promise<unknown> | void): void;
}

type Editing = { kind: 'new' } | { kind: 'edit'; saved: SavedSearchCount } | null;

const strip = ({ name, query, filters }: SavedSearch): SavedSearch => ({ name, query, filters });

/**
 * The sidebar's saved searches, with live counts: click runs one; "Save" keeps what the list
 * shows; each one's "…" renames, edits, moves or deletes it, every change with undo.
 */
export function SavedSearchesSection({ refresh, current, onRun, notify }: Props) {
  const { saved, error, reload } = useSavedSearches(refresh);
  const [editing, setEditing] = useState<Editing>(null);
  const api = getClient();
  const list = saved ?? [];
  const names = list.map((s) => s.name);
  const after = <T,>(p: Promise<T>): Promise<T> => p.finally(reload);

  const reorder = (from: number, by: -1 | 1) => {
    const to = from + by;
    if (to < 0 || to >= list.length) return;
    const before = [...names];
    const next = [...names];
    [next[from], next[to]] = [next[to]!, next[from]!];
    void after(api.call('reorderSavedSearches', { names: next })).then(() =>
      notify(`Moved “${names[from]}”`, () =>
        after(api.call('reorderSavedSearches', { names: before })),
      ),
    );
  };

  const remove = (s: SavedSearchCount) => {
    void after(api.call('removeSavedSearch', { name: s.name })).then(
      (removed) =>
        notify(`Deleted saved search “${s.name}”`, () =>
          after(api.call('putSavedSearch', { ...removed.removed, position: removed.position })),
        ),
      () => undefined,
    );
  };

  const save = async (next: SavedSearch) => {
    if (editing?.kind === 'edit') {
      const old = strip(editing.saved);
      await after(api.call('putSavedSearch', { ...next, previous: old.name }));
      notify(`Saved “${next.name}”`, () =>
        after(api.call('putSavedSearch', { ...old, previous: next.name })),
      );
    } else {
      await after(api.call('putSavedSearch', next));
      notify(`Saved “${next.name}”`, () =>
        after(api.call('removeSavedSearch', { name: next.name })),
      );
    }
  };

  // The dialog stays outside the section, whose heading styles would reach its title.
  return (
    <>
      <section className="facet saved-searches" aria-labelledby="facet-saved-searches">
        <div className="facet-head">
          <h2 id="facet-saved-searches">Saved searches</h2>
          <button
            type="button"
            className="link-button"
            title="Save the search and filters shown now"
            onClick={() => setEditing({ kind: 'new' })}
          >
            Save
          </button>
        </div>
        {error && <p className="hint error-text">{error}</p>}
        <ul>
          {list.map((s, i) => (
            <li key={s.name} className="saved-row">
              <button
                type="button"
                className="nav-item"
                aria-pressed={isShowing(s, current)}
                title={[s.query, describeFilters(s.filters)].filter(Boolean).join(' · ')}
                onClick={() => onRun(s)}
                onKeyDown={(e) => {
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault();
                    reorder(i, e.key === 'ArrowUp' ? -1 : 1);
                  }
                }}
              >
                <span className="nav-label" dir="auto">
                  {s.name}
                </span>
                <span className="count" data-testid="saved-count">
                  {s.count.toLocaleString()}
                </span>
              </button>
              <button
                type="button"
                className="icon-button saved-more"
                aria-label={`Edit saved search ${s.name}`}
                onClick={() => setEditing({ kind: 'edit', saved: s })}
              >
                …
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <SavedSearchDialog
          editing={editing.kind === 'edit' ? editing.saved : null}
          current={{ query: current.query, filters: filtersOf(current) }}
          names={names}
          onSave={save}
          onClose={() => setEditing(null)}
          onDelete={
            editing.kind === 'edit'
              ? () => {
                  setEditing(null);
                  remove(editing.saved);
                }
              : undefined
          }
          onMove={
            editing.kind === 'edit'
              ? (by) => reorder(names.indexOf(editing.saved.name), by)
              : undefined
          }
        />
      )}
    </>
  );
}
