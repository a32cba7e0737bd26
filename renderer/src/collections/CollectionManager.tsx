import { useState } from 'react';
import type { CollectionCount } from '../../../main/contract/organise';
import { Dialog } from '../dialogs/Dialog';

interface Props {
  collections: CollectionCount[];
  /** `into` is the existing collection a rename merges into, if any. */
  onRename(from: string, to: string): void;
  onClose(): void;
}

const same = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function CollectionLine(props: {
  collection: CollectionCount;
  mergesInto(name: string): string | undefined;
  onRename(from: string, to: string): void;
}) {
  const { collection } = props;
  const [name, setName] = useState(collection.name);
  const changed = name.trim() !== '' && name.trim() !== collection.name;
  const merge = changed ? props.mergesInto(name.trim()) : undefined;
  return (
    <li className="tag-line">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) props.onRename(collection.name, merge ?? name.trim());
        }}
      >
        <input
          aria-label={`New name for collection ${collection.name}`}
          data-app-undo={name === collection.name ? '' : undefined}
          value={name}
          dir="auto"
          onChange={(e) => setName(e.target.value)}
        />
        <span className="count">{collection.count.toLocaleString()}</span>
        <button
          type="submit"
          className="button"
          disabled={!changed}
          title={merge !== undefined ? `Merge into “${merge}”` : undefined}
        >
          {merge !== undefined ? 'Merge' : 'Rename'}
        </button>
      </form>
    </li>
  );
}

/** Rename collections (onto an existing name merges them); every change can be undone. */
export function CollectionManager({ collections, onRename, onClose }: Props) {
  return (
    <Dialog title="Manage collections" onClose={onClose}>
      <p className="hint">
        Collections are the folders articles were imported from. Rename one to the name of another
        to merge them; the folders on disk are not changed.
      </p>
      <ul className="tag-lines">
        {collections.map((c) => (
          <CollectionLine
            key={c.name}
            collection={c}
            mergesInto={(to) =>
              collections.find((o) => o.name !== c.name && same(o.name, to))?.name
            }
            onRename={onRename}
          />
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
