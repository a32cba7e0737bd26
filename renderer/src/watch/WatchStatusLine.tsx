import { useState } from 'react';
import { WatchedFoldersDialog } from './WatchedFoldersDialog';
import { useWatchStatus } from './useWatchStatus';
import { watchProblemText, watchStatusText } from './watch-status-text';

/**
 * A quiet line in the sidebar while folders are watched: what is watched and what was added
 * last, never a notification. Clicking it lists the folders, where watching can be stopped.
 */
export function WatchStatusLine() {
  const status = useWatchStatus();
  const [open, setOpen] = useState(false);
  const text = status ? watchStatusText(status) : null;
  if (!status || (!text && !open)) return null;
  const problem = watchProblemText(status);
  return (
    <div className="watch-status" data-testid="watch-status">
      {text && (
        <p role="status" className="watch-status-line">
          <button
            type="button"
            className="watch-status-button"
            title="Watched folders"
            onClick={() => setOpen(true)}
          >
            {text}
          </button>
        </p>
      )}
      {problem && (
        <p className="watch-status-problem" dir="auto">
          {problem}
        </p>
      )}
      {open && <WatchedFoldersDialog status={status} onClose={() => setOpen(false)} />}
    </div>
  );
}
