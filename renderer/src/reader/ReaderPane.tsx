import type { Ref } from 'react';
import type { Settings } from '../../../main/contract/api-contract';
import type { LibraryView } from '../../../main/contract/types';
import type { AppActions } from '../app/useActions';
import { BulkPanel } from '../list/BulkPanel';
import { Reader, type ReaderHandle } from './Reader';

interface Props {
  readerRef: Ref<ReaderHandle>;
  selected: string[];
  openId: string | null;
  view: LibraryView;
  highlight: string;
  version: number;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  tagNames: string[];
  actions: AppActions;
  onClearSelection(): void;
}

/** The right pane: the bulk panel for several selected articles, else the open article. */
export function ReaderPane({ readerRef, ...props }: Props) {
  return (
    <main className="pane reader-pane" aria-label="Reader">
      {props.selected.length > 1 ? (
        <BulkPanel
          ids={props.selected}
          view={props.view}
          suggestions={props.tagNames}
          actions={props.actions}
          onClear={props.onClearSelection}
        />
      ) : props.openId ? (
        <Reader
          ref={readerRef}
          id={props.openId}
          highlight={props.highlight}
          version={props.version}
          settings={props.settings}
          onSettings={props.onSettings}
          suggestions={props.tagNames}
          actions={props.actions}
        />
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
