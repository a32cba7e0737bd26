import { useState } from 'react';
import type { AppActions } from '../app/useActions';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { formatDate } from '../shared/format';
import { useSelection } from './SelectionContext';

interface Props {
  actions: Pick<AppActions, 'restore' | 'purge'>;
}

/**
 * Above an open article that is in the trash: says so, and offers Restore and Delete for good
 * (after a confirmation). Renders nothing for any other article.
 */
export function TrashedNotice({ actions }: Props) {
  const { article, openId, open, expectGone, focusList, select } = useSelection();
  const [confirming, setConfirming] = useState(false);
  if (!article || article.id !== openId || !article.trashedAt) return null;
  const ids = [article.id];
  // The open article leaves the trash view: the list takes focus (and the cursor stays at
  // its row) before the buttons here go.
  const leave = (afterDialog = false) => {
    expectGone(ids);
    select({ type: 'clear' });
    open(null);
    // From the confirmation the list is still inert until the modal dialog has closed.
    if (afterDialog) setTimeout(focusList, 0);
    else focusList();
  };
  return (
    <div className="trashed-notice" role="note" aria-label="In the trash">
      <span>In the trash since {formatDate(article.trashedAt)}.</span>
      <button
        type="button"
        className="button"
        onClick={() => {
          actions.restore(ids);
          leave();
        }}
      >
        Restore
      </button>
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Delete for good…
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete for good?"
          message={
            <>
              “<bdi>{article.title}</bdi>” will be deleted from the library for good, its file
              included. This cannot be undone.
            </>
          }
          confirmLabel="Delete for good"
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => document.querySelector<HTMLElement>('.list-scroller')}
          onConfirm={() => {
            setConfirming(false);
            void actions.purge(ids);
            leave(true);
          }}
        />
      )}
    </div>
  );
}
