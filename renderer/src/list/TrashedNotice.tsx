import type { AppActions } from '../app/useActions';
import { formatDate } from '../shared/format';
import { useSelection } from './SelectionContext';
import { TrashButtons } from './TrashButtons';

interface Props {
  actions: Pick<AppActions, 'restore' | 'purge'>;
}

/**
 * Above an open article that is in the trash: says so, and offers Restore and Delete for good
 * (after a confirmation). Renders nothing for any other article.
 */
export function TrashedNotice({ actions }: Props) {
  const { article, openId, open, expectGone, focusList, select } = useSelection();
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
      <TrashButtons
        onRestore={() => {
          actions.restore(ids);
          leave();
        }}
        onPurge={() => {
          void actions.purge(ids);
          leave(true);
        }}
        purgeMessage={
          <>
            “<bdi>{article.title}</bdi>” will be deleted from the library for good, its file
            included. This cannot be undone.
          </>
        }
      />
    </div>
  );
}
