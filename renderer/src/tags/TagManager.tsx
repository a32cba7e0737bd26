import { useEffect, useRef, useState } from 'react';
import type { TagCount } from '../../../main/contract/types';
import { Dialog } from '../dialogs/Dialog';

interface Props {
  tags: TagCount[];
  onRename(from: string, to: string): void;
  onDelete(name: string): void;
  onClose(): void;
  fallbackFocus?(): HTMLElement | null;
}

/** Where focus should land once the tag list has changed under it. */
interface FocusAfter {
  /** The tag's new name after a rename (or merge); none after a delete. */
  name?: string;
  /** The row's position, for a delete (the row that moved into its place). */
  index: number;
}

const sameTag = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function TagLine({
  tag,
  onRename,
  onDelete,
}: { tag: TagCount } & {
  onRename(from: string, to: string): void;
  onDelete(name: string): void;
}) {
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
          data-tag={tag.name}
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
export function TagManager({ tags, onRename, onDelete, onClose, fallbackFocus }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);

  // A renamed or deleted row is a new or missing element, so the browser drops focus to
  // the page; put it back on the renamed row, the row now in the deleted one's place, or
  // the dialog's first control.
  useEffect(() => {
    const want = focusAfter.current;
    const dialog = list.current?.closest('dialog');
    if (!want || !dialog) return;
    if (dialog.contains(document.activeElement)) return;
    focusAfter.current = null;
    const inputs = [...dialog.querySelectorAll<HTMLInputElement>('input[data-tag]')];
    const target =
      (want.name !== undefined
        ? inputs.find((i) => sameTag(i.dataset.tag ?? '', want.name!))
        : undefined) ??
      inputs[Math.min(want.index, inputs.length - 1)] ??
      dialog.querySelector<HTMLElement>('button');
    target?.focus();
  }, [tags]);

  const indexOf = (name: string) => tags.findIndex((t) => t.name === name);
  return (
    <Dialog title="Manage tags" onClose={onClose} fallbackFocus={fallbackFocus}>
      <p className="hint">Rename a tag to the name of another to merge them.</p>
      {tags.length === 0 && <p className="hint">No tags left.</p>}
      <ul className="tag-lines" ref={list}>
        {tags.map((t) => (
          <TagLine
            key={t.name}
            tag={t}
            onRename={(from, to) => {
              focusAfter.current = { name: to, index: indexOf(from) };
              onRename(from, to);
            }}
            onDelete={(name) => {
              focusAfter.current = { index: indexOf(name) };
              onDelete(name);
            }}
          />
        ))}
      </ul>
    </Dialog>
  );
}
