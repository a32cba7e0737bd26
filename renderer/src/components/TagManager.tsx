import { useState } from 'react';
import type { TagCount } from '../../../main/core/types';
import { Dialog } from './Dialog';

interface Props {
  tags: TagCount[];
  onRename(from: string, to: string): void;
  onDelete(name: string): void;
  onClose(): void;
}

function TagLine({
  tag,
  onRename,
  onDelete,
}: { tag: TagCount } & Pick<Props, 'onRename' | 'onDelete'>) {
  const [name, setName] = useState(tag.name);
  const changed = name.trim() !== '' && name.trim() !== tag.name;
  return (
    <li className="tag-line">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) onRename(tag.name, name.trim());
        }}
      >
        <input
          aria-label={`New name for tag ${tag.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <span className="count">{tag.count.toLocaleString()}</span>
        <button type="submit" className="button" disabled={!changed}>
          Rename
        </button>
        <button
          type="button"
          className="button danger"
          aria-label={`Delete tag ${tag.name}`}
          onClick={() => onDelete(tag.name)}
        >
          Delete
        </button>
      </form>
    </li>
  );
}

/** Rename (onto an existing name merges), merge and delete tags; every change can be undone. */
export function TagManager({ tags, onRename, onDelete, onClose }: Props) {
  return (
    <Dialog title="Manage tags" onClose={onClose}>
      <p className="hint">Rename a tag to the name of another to merge them.</p>
      <ul className="tag-lines">
        {tags.map((t) => (
          <TagLine key={t.name} tag={t} onRename={onRename} onDelete={onDelete} />
        ))}
      </ul>
    </Dialog>
  );
}
