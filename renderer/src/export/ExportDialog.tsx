import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../../main/contract/export';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import { ApiCallError } from '../api/client';
import { Dialog } from '../dialogs/Dialog';
import { useSelection } from '../list/SelectionContext';
import { plural } from '../shared/format';
import { ProgressPanel } from '../shared/ProgressPanel';
import {
  currentListLabel,
  exportScope,
  FORMAT_CHOICES,
  newExportId,
  type CurrentList,
  type ScopeChoice,
} from './export-scope';

type Phase =
  | { kind: 'closed' }
  | { kind: 'choosing' }
  /** Main's save dialog is open, then the export runs; `done` of `total` articles written. */
  | { kind: 'running'; id: string; done: number; total: number };

interface Props {
  current: CurrentList;
  notify(message: string): void;
}

/**
 * File → Export…: the format and the scope; main then asks where (a save dialog) and writes
 * the export, whose progress shows here with a Cancel. Opens itself on the menu command.
 */
export function ExportDialog({ current, notify }: Props) {
  const { selected } = useSelection();
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const [format, setFormat] = useState<ExportFormat>('md');
  const [scope, setScope] = useState<ScopeChoice>('view');
  const runId = useRef<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      getClient().on('menuCommand', ({ command }) => {
        if (command !== 'export' || runId.current !== null) return;
        setPhase({ kind: 'choosing' });
      }),
    [],
  );
  useEffect(
    () =>
      getClient().on('exportProgress', (p) => {
        if (p.exportId !== runId.current) return;
        setPhase({ kind: 'running', id: p.exportId, done: p.done, total: p.total });
      }),
    [],
  );

  if (phase.kind === 'closed') return null;
  const hasSelection = selected.length > 0;
  const chosenScope = scope === 'selection' && !hasSelection ? 'view' : scope;

  const start = () => {
    const id = newExportId();
    runId.current = id;
    setPhase({ kind: 'running', id, done: 0, total: 0 });
    getClient()
      .call('exportArticles', {
        exportId: id,
        format,
        scope: exportScope(chosenScope, selected, current),
      })
      .then(
        (result) => {
          if (result !== null) {
            notify(`Exported ${plural(result.exported, 'article')} to ${result.path}`);
          }
          finish(result === null ? 'choosing' : 'closed');
        },
        (e: unknown) => {
          notify(
            e instanceof ApiCallError && e.code === 'CANCELLED'
              ? 'Export cancelled; nothing was written.'
              : `Export failed: ${errorMessage(e)}`,
          );
          finish('closed');
        },
      );
  };
  const finish = (next: 'choosing' | 'closed') => {
    runId.current = null;
    setPhase({ kind: next });
  };
  const cancel = () => {
    const id = runId.current;
    if (id !== null) void getClient().call('cancelExport', { exportId: id });
  };

  if (phase.kind === 'running') {
    return (
      <ProgressPanel
        title="Export"
        message={
          phase.total === 0
            ? 'Choose where to save the export…'
            : `Exporting ${phase.done.toLocaleString()} of ${plural(phase.total, 'article')}…`
        }
        done={phase.done}
        total={phase.total}
        onCancel={cancel}
      />
    );
  }

  return (
    <Dialog title="Export" onClose={() => finish('closed')} initialFocus={first}>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {FORMAT_CHOICES.map((c, i) => (
            <label key={c.format} className="export-choice">
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="export-format"
                value={c.format}
                checked={format === c.format}
                onChange={() => setFormat(c.format)}
              />
              <span>
                {c.label} <small>{c.hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Articles</legend>
          <label className="export-choice">
            <input
              type="radio"
              name="export-scope"
              value="selection"
              disabled={!hasSelection}
              checked={chosenScope === 'selection'}
              onChange={() => setScope('selection')}
            />
            <span>
              Selected{' '}
              <small>{hasSelection ? plural(selected.length, 'article') : 'none selected'}</small>
            </span>
          </label>
          <label className="export-choice">
            <input
              type="radio"
              name="export-scope"
              value="view"
              checked={chosenScope === 'view'}
              onChange={() => setScope('view')}
            />
            <span>
              <bdi>{currentListLabel(current)}</bdi>
            </span>
          </label>
          <label className="export-choice">
            <input
              type="radio"
              name="export-scope"
              value="library"
              checked={chosenScope === 'library'}
              onChange={() => setScope('library')}
            />
            <span>
              The whole library{' '}
              <small>{format === 'jsonl' ? 'the trash included' : 'the trash left out'}</small>
            </span>
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => finish('closed')}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Export…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
