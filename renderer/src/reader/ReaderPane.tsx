import type { Settings } from '../../../main/contract/settings';
import type { LibraryView } from '../../../main/contract/types';
import type { AppActions } from '../app/useActions';
import { BulkPanel } from '../list/BulkPanel';
import { useSelection } from '../list/SelectionContext';
import { TrashedNotice } from '../list/TrashedNotice';
import { Reader } from './Reader';

interface Props {
  view: LibraryView;
  highlight: string;
  version: number;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  tagNames: string[];
  actions: AppActions;
}

/** The right pane: the bulk panel for several selected articles, else the open article. */
export function ReaderPane(props: Props) {
  const { selected, openId } = useSelection();
  return (
    <main className="pane reader-pane" aria-label="Reader">
      {selected.length > 1 ? (
        <BulkPanel view={props.view} suggestions={props.tagNames} actions={props.actions} />
      ) : openId ? (
        <>
          <TrashedNotice actions={props.actions} />
          <Reader
            id={openId}
            highlight={props.highlight}
            version={props.version}
            settings={props.settings}
            onSettings={props.onSettings}
            suggestions={props.tagNames}
            actions={props.actions}
          />
        </>
      ) : (
        <div className="reader-empty">
          <p>Choose an article to read.</p>
          <p className="hint">
            <kbd>j</kbd> <kbd>k</kbd> move · <kbd>/</kbd> search · <kbd>?</kbd> all shortcuts
          </p>
        </div>
      )}
    </main>
  );
}
