import { useEffect, useState } from 'react';
import type { LibraryView, TagCount } from '../../../main/contract/types';
import { getClient } from '../api/client';
import type { AppActions } from '../app/useActions';
import { useLibraryVersion } from '../app/useLibrary';
import { plural } from '../shared/format';
import { TrashButtons } from './TrashButtons';
import { TagEditor } from '../tags/TagEditor';
import { useSelection } from './SelectionContext';

type BulkActions = Pick<
  AppActions,
  'addTags' | 'removeTags' | 'setFavourite' | 'setRead' | 'trash' | 'restore' | 'purge'
>;

interface Props {
  view: LibraryView;
  suggestions: string[];
  actions: BulkActions;
}

/** The tags the selected articles carry, fetched again whenever the library changes. */
function useSelectionTags(ids: string[], skip: boolean): TagCount[] {
  const { version } = useLibraryVersion();
  const [tags, setTags] = useState<TagCount[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    if (skip || ids.length === 0) return setTags([]);
    let live = true;
    getClient()
      .call('tagsOf', { ids })
      .then(
        (t) => live && setTags(Array.isArray(t) ? t : []),
        () => live && setTags([]),
      );
    return () => {
      live = false;
    };
    // `key` stands for the ids' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, skip, version]);
  return tags;
}

/** What the reader pane shows while several articles are selected: they are changed together. */
export function BulkPanel({ view, suggestions, actions }: Props) {
  const { selected: ids, select, focusList, expectGone } = useSelection();
  const inTrash = view === 'trash';
  const carried = useSelectionTags(ids, inTrash);
  const count = ids.length.toLocaleString();
  // The selected rows leave the list: the list keeps the cursor at their place and takes focus,
  // since the button pressed goes with this panel.
  const leave = () => {
    expectGone(ids);
    select({ type: 'clear' });
    focusList();
  };
  // From the confirmation the list is still inert (the modal dialog is open until React
  // commits), so focus moves once it has closed.
  const leaveAfterDialog = () => {
    expectGone(ids);
    select({ type: 'clear' });
    setTimeout(focusList, 0);
  };

  if (inTrash) {
    return (
      <section className="bulk" aria-label="Selected articles">
        <h2>{count} articles selected in the trash</h2>
        <p className="hint">
          Restore them to the library, or delete them for good (their files are removed; this cannot
          be undone).
        </p>
        <div className="bulk-actions">
          <TrashButtons
            onRestore={() => {
              actions.restore(ids);
              leave();
            }}
            onPurge={() => {
              void actions.purge(ids);
              leaveAfterDialog();
            }}
            purgeMessage={`${plural(ids.length, 'article')} will be deleted from the library for good, files included. This cannot be undone.`}
          />
          <button type="button" className="button quiet" onClick={() => select({ type: 'clear' })}>
            Clear selection
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="bulk" aria-label="Selected articles">
      <h2>{count} articles selected</h2>
      <p className="hint">Tag them, favourite them or move them to the trash together.</p>
      <TagEditor
        tags={[]}
        suggestions={suggestions}
        label="Add a tag to the selected articles"
        onAdd={(tag) => actions.addTags(ids, [tag])}
        onRemove={() => undefined}
      />
      {carried.length > 0 && (
        <div className="bulk-tags">
          <h3 id="bulk-carried">Remove a tag</h3>
          <ul className="chips" aria-labelledby="bulk-carried">
            {carried.map((t) => (
              <li key={t.name} className="chip">
                <span dir="auto">{t.name}</span>
                <span className="chip-count" aria-hidden="true">
                  {t.count === ids.length ? 'all' : `${t.count.toLocaleString()} of ${count}`}
                </span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove tag ${t.name} from the ${plural(t.count, 'article')} carrying it`}
                  onClick={() => actions.removeTags(ids, [t.name])}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="bulk-actions">
        <button type="button" className="button" onClick={() => actions.setFavourite(ids, true)}>
          Favourite
        </button>
        <button type="button" className="button" onClick={() => actions.setFavourite(ids, false)}>
          Unfavourite
        </button>
        <button type="button" className="button" onClick={() => actions.setRead(ids, true)}>
          Mark read
        </button>
        <button type="button" className="button" onClick={() => actions.setRead(ids, false)}>
          Mark unread
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            actions.trash(ids);
            leave();
          }}
        >
          Move to trash
        </button>
        <button type="button" className="button quiet" onClick={() => select({ type: 'clear' })}>
          Clear selection
        </button>
      </div>
    </section>
  );
}
