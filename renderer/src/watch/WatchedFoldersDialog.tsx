import { useEffect, useRef, useState } from 'react';
import type { WatchList, WatchStatus, WatchedFolder } from '../../../main/contract/watch';
import { errorMessage, getClient } from '../api/client';
import { Dialog } from '../dialogs/Dialog';

interface Props {
  /** The latest status: the list is asked for again whenever it changes. */
  status: WatchStatus;
  onClose(): void;
}

const stateOf = (f: WatchedFolder): string =>
  f.watching ? 'Watching' : f.present ? 'Not watched now' : 'Missing';

/** The watched folders, each with its state and a Stop watching button. */
export function WatchedFoldersDialog({ status, onClose }: Props) {
  const [list, setList] = useState<WatchList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    getClient()
      .call('listWatchedFolders', {})
      .then(
        (l) => live && setList(l),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [status]);

  async function stop(path: string) {
    try {
      setList(await getClient().call('removeWatchedFolder', { path }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Dialog title="Watched folders" onClose={onClose} initialFocus={close}>
      <p className="watch-intro">
        New and changed text files in these folders are imported while the app is open. Files
        deleted from a folder stay in the library. Add a folder with Library → Watch Folder…
      </p>
      {list && list.folders.length === 0 && <p className="watch-empty">No folder is watched.</p>}
      {list && list.folders.length > 0 && (
        <ul className="watch-folders">
          {list.folders.map((f) => (
            <li key={f.path} className="watch-folder">
              <div className="watch-folder-text">
                <span className="watch-folder-path" dir="auto">
                  {f.path}
                </span>
                <span className="watch-folder-state">
                  {stateOf(f)}
                  {f.problem ? ` · ${f.problem}` : ''}
                </span>
              </div>
              <button
                type="button"
                className="button"
                aria-label={`Stop watching ${f.path}`}
                onClick={() => void stop(f.path)}
              >
                Stop watching
              </button>
            </li>
          ))}
        </ul>
      )}
      {status.problems.length > 0 && (
        <>
          <h3 className="watch-problems-head">Recent problems</h3>
          <ul className="watch-problems">
            {status.problems.map((p) => (
              <li key={`${p.path}\n${p.message}`} dir="auto">
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p role="alert" className="watch-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={close} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
