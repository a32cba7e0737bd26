import { useState } from 'react';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import { CollectionManager } from './CollectionManager';
import { useCollections } from './useCollections';

interface Props {
  /** Changes when the library changes: the counts are fetched again. */
  refresh: unknown;
  /** The collection the list is filtered by, if any. */
  active: string | null;
  /** Filters the list by a collection, or (null) stops. */
  onFilter(collection: string | null): void;
  notify(message: string, undo?: () => Promise<unknown> | void): void;
}

const same = (a: string | null, b: string) =>
  a !== null && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The sidebar's collections (the first folders below the imported ones) with their counts;
 * a click filters the list, a second click stops; "Manage" renames and merges, with undo.
 */
export function CollectionsSection({ refresh, active, onFilter, notify }: Props) {
  const { collections, reload } = useCollections(refresh);
  const [managing, setManaging] = useState(false);
  if (collections.length === 0) return null;
  const rename = (from: string, to: string) => {
    const api = getClient();
    api.call('renameCollection', { from, to }).then(
      (snapshot) => {
        reload();
        if (same(active, from)) onFilter(to);
        notify(`Renamed collection “${from}” to “${to}”`, async () => {
          await api.call('restoreCollections', snapshot);
          reload();
          if (same(active, from)) onFilter(from);
        });
      },
      (e: unknown) => notify(errorMessage(e)),
    );
  };
  // The dialog stays outside the section, whose heading styles would reach its title.
  return (
    <>
      <section className="facet collections" aria-labelledby="facet-collections">
        <div className="facet-head">
          <h2 id="facet-collections">Collections</h2>
          <button type="button" className="link-button" onClick={() => setManaging(true)}>
            Manage
          </button>
        </div>
        <ul>
          {collections.map((c) => (
            <li key={c.name}>
              <button
                type="button"
                className="nav-item"
                aria-pressed={same(active, c.name)}
                onClick={() => onFilter(same(active, c.name) ? null : c.name)}
              >
                <span className="nav-label" dir="auto">
                  {c.name}
                </span>
                <span className="count">{c.count.toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {managing && (
        <CollectionManager
          collections={collections}
          onRename={rename}
          onClose={() => setManaging(false)}
        />
      )}
    </>
  );
}
