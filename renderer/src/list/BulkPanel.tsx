import { useState } from 'react';
import type { LibraryView } from '../../../main/contract/types';
import type { ReaderActions } from '../reader/Reader';
import { TagEditor } from '../tags/TagEditor';
import { useSelection } from './SelectionContext';

interface Props {
  view: LibraryView;
  suggestions: string[];
  actions: ReaderActions;
}

/** What the reader pane shows while several articles are selected: they are changed together. */
export function BulkPanel({ view, suggestions, actions }: Props) {
  const { selected: ids, select } = useSelection();
  const [added, setAdded] = useState<string[]>([]);
  return (
    <section className="bulk" aria-label="Selected articles">
      <h2>{ids.length.toLocaleString()} articles selected</h2>
      <p className="hint">Tag them, favourite them or move them to the trash together.</p>
      <TagEditor
        tags={added}
        suggestions={suggestions}
        label="Add a tag to the selected articles"
        onAdd={(tag) => {
          setAdded((a) => [...a, tag]);
          actions.addTags(ids, [tag]);
        }}
        onRemove={(tag) => {
          setAdded((a) => a.filter((t) => t !== tag));
          actions.removeTags(ids, [tag]);
        }}
      />
      <div className="bulk-actions">
        <button type="button" className="button" onClick={() => actions.setFavourite(ids, true)}>
          Favourite
        </button>
        <button type="button" className="button" onClick={() => actions.setRead(ids, true)}>
          Mark read
        </button>
        <button type="button" className="button" onClick={() => actions.setRead(ids, false)}>
          Mark unread
        </button>
        {view === 'trash' ? (
          <button type="button" className="button" onClick={() => actions.restore(ids)}>
            Restore
          </button>
        ) : (
          <button type="button" className="button danger" onClick={() => actions.trash(ids)}>
            Move to trash
          </button>
        )}
        <button type="button" className="button quiet" onClick={() => select({ type: 'clear' })}>
          Clear selection
        </button>
      </div>
    </section>
  );
}
