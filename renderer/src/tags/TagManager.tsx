import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { TagCount } from '../../../main/contract/types';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { Dialog } from '../dialogs/Dialog';
import { plural } from '../shared/format';

interface Props {
  tags: TagCount[];
  /** `merge` is true when `to` names another tag that exists: the two become one. */
  onRename(from: string, to: string, merge: boolean): void;
  onDelete(name: string): void;
  onClose(): void;
  fallbackFocus?(): HTMLElement | null;
  /** The tagging rules, shown below the tags. */
  rules?: ReactNode;
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
  mergesInto,
  onRename,
  onDelete,
}: {
  tag: TagCount;
  /** The existing tag a new name would merge into, if any. */
  mergesInto(name: string): string | undefined;
  onRename(from: string, to: string): void;
  onDelete(name: string): void;
}) {
  const [name, setName] = useState(tag.name);
  // The typed name was sent as a rename (or merge) that has not reached the list yet.
  const [sent, setSent] = useState(false);
  const changed = name.trim() !== '' && name.trim() !== tag.name;
  const merge = changed ? mergesInto(name.trim()) : undefined;
  return (
    <li className="tag-line">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!changed) return;
          setSent(true);
          onRename(tag.name, name.trim());
        }}
      >
        <input
          aria-label={`New name for tag ${tag.name}`}
          data-tag={tag.name}
          // Nothing typed yet, or what was typed is sent: Ctrl/Cmd+Z here undoes the last
          // rename or delete (right after Enter, the row stays until the tags are read again).
          data-app-undo={name === tag.name || sent ? '' : undefined}
          value={name}
          dir="auto"
          onChange={(e) => {
            setName(e.target.value);
            setSent(false);
          }}
        />
        <span className="count">{tag.count.toLocaleString()}</span>
        <button
          type="submit"
          className="button"
          disabled={!changed}
          title={merge !== undefined ? `Merge into “${merge}”` : undefined}
        >
          {merge !== undefined ? 'Merge' : 'Rename'}
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

/**
 * Rename (onto an existing name merges) and delete tags; a delete asks first, naming how many
 * articles carry the tag, and every change can be undone.
 */
export function TagManager({ tags, onRename, onDelete, onClose, fallbackFocus, rules }: Props) {
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
  const mergeTarget = (from: string, to: string) =>
    tags.find((t) => t.name !== from && sameTag(t.name, to))?.name;
  const [deleting, setDeleting] = useState<TagCount | null>(null);
  return (
    <Dialog title="Manage tags" onClose={onClose} fallbackFocus={fallbackFocus}>
      <p className="hint">Rename a tag to the name of another to merge them.</p>
      {tags.length === 0 && <p className="hint">No tags left.</p>}
      <ul className="tag-lines" ref={list}>
        {tags.map((t) => (
          <TagLine
            key={t.name}
            tag={t}
            mergesInto={(to) => mergeTarget(t.name, to)}
            onRename={(from, to) => {
              const into = mergeTarget(from, to);
              focusAfter.current = { name: into ?? to, index: indexOf(from) };
              onRename(from, into ?? to, into !== undefined);
            }}
            onDelete={(name) => setDeleting(tags.find((x) => x.name === name) ?? null)}
          />
        ))}
      </ul>
      {rules}
      {deleting && (
        <ConfirmDialog
          title="Delete this tag?"
          message={
            <>
              The tag “<bdi>{deleting.name}</bdi>” will be removed from{' '}
              {plural(deleting.count, 'article')}. The articles stay in the library, and Undo
              (Ctrl+Z) puts the tag back.
            </>
          }
          confirmLabel="Delete tag"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            focusAfter.current = { index: indexOf(deleting.name) };
            setDeleting(null);
            onDelete(deleting.name);
          }}
        />
      )}
    </Dialog>
  );
}
