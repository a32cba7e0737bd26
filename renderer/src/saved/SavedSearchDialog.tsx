import { useRef, useState } from 'react';
import type { SavedFilters, SavedSearchCount } from '../../../main/contract/organise';
import { errorMessage } from '../../../main/contract/error-message';
import { Dialog } from '../dialogs/Dialog';
import { describeFilters } from './current-search';

interface Props {
  /** The saved search being edited; null saves a new one. */
  editing: SavedSearchCount | null;
  /** The query and filters the list shows now (what a new one saves). */
  current: { query: string; filters: SavedFilters };
  /** Names in use, to refuse a second one regardless of case. */
  names: string[];
  onSave(next: { name: string; query: string; filters: SavedFilters }): Promise<unknown>;
  onDelete?(): void;
  onMove?(by: -1 | 1): void;
  onClose(): void;
}

/** Names a new saved search, or renames, edits, moves or deletes one. */
export function SavedSearchDialog(props: Props) {
  const { editing, current } = props;
  const [name, setName] = useState(editing?.name ?? '');
  const [query, setQuery] = useState(editing?.query ?? current.query);
  const [useCurrent, setUseCurrent] = useState(editing === null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const filters = useCurrent ? current.filters : (editing?.filters ?? {});
  const trimmed = name.trim();
  const clash = props.names.find(
    (n) => n.toLowerCase() === trimmed.toLowerCase() && n !== editing?.name,
  );
  const empty = query.trim() === '' && Object.keys(filters).length === 0;
  return (
    <Dialog
      title={editing ? 'Edit saved search' : 'Save search'}
      onClose={props.onClose}
      initialFocus={first}
    >
      <form
        className="saved-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!trimmed || clash || empty) return;
          props
            .onSave({ name: trimmed, query, filters })
            .then(props.onClose, (err: unknown) => setError(errorMessage(err)));
        }}
      >
        <label>
          Name
          <input ref={first} value={name} dir="auto" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Search
          <input
            value={query}
            dir="auto"
            placeholder="(every article)"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {editing && (
          <label className="saved-check">
            <input
              type="checkbox"
              checked={useCurrent}
              onChange={(e) => setUseCurrent(e.target.checked)}
            />
            Use the filters and sort shown now
          </label>
        )}
        <p className="hint" data-testid="saved-filters">
          Filters: {describeFilters(filters)}
        </p>
        {clash && <p className="error-text">A saved search named “{clash}” exists already.</p>}
        {empty && <p className="hint">Type a search or choose filters first.</p>}
        {error && <p className="error-text">{error}</p>}
        <div className="dialog-actions">
          {editing && props.onMove && (
            <>
              <button type="button" className="button quiet" onClick={() => props.onMove!(-1)}>
                Move up
              </button>
              <button type="button" className="button quiet" onClick={() => props.onMove!(1)}>
                Move down
              </button>
            </>
          )}
          {editing && props.onDelete && (
            <button type="button" className="button danger" onClick={props.onDelete}>
              Delete
            </button>
          )}
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={!trimmed || clash !== undefined || empty}
          >
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
