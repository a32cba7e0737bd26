import { useEffect, useRef, useState } from 'react';
import type { BackupRunProgress } from '../../../main/contract/backup';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import { plural } from '../shared/format';
import { ProgressPanel } from '../shared/ProgressPanel';

interface Props {
  notify(message: string): void;
}

/**
 * Library → Back Up… and Restore… run in main (which asks the questions and reports the end
 * in its own boxes); their progress shows here with a Cancel, from the first backupProgress
 * event of a run to its last (`ended`).
 */
export function BackupProgress({ notify }: Props) {
  const [run, setRun] = useState<BackupRunProgress | null>(null);
  const notifyRef = useRef(notify);
  useEffect(() => {
    notifyRef.current = notify;
  });

  useEffect(
    () =>
      getClient().on('backupProgress', (p) => {
        if (p.ended === undefined) {
          setRun(p);
          return;
        }
        setRun(null);
        if (p.ended === 'cancelled') notifyRef.current(cancelledMessage(p.operation));
      }),
    [],
  );

  if (run === null) return null;
  const cancel = () => {
    getClient()
      .call('cancelBackup', { runId: run.runId })
      .catch((e: unknown) => notifyRef.current(`Could not cancel: ${errorMessage(e)}`));
  };
  return (
    <ProgressPanel
      title={run.operation === 'backup' ? 'Back Up' : 'Restore'}
      message={progressMessage(run)}
      done={run.done}
      total={run.total}
      onCancel={cancel}
    />
  );
}

/** The panel's sentence for where a run is. */
export function progressMessage(p: BackupRunProgress): string {
  const files = `${p.done.toLocaleString()} of ${plural(p.total, 'file')}`;
  switch (p.phase) {
    case 'reading':
      return p.total === 0 ? 'Listing the library’s files…' : `Backing up ${files}…`;
    case 'verifying':
      return p.total === 0
        ? 'Checking the backup…'
        : `Restoring ${files}, each checked against the backup…`;
    case 'indexing':
      return `Rebuilding the search index: ${p.done.toLocaleString()} of ${plural(p.total, 'article')}…`;
  }
}

const cancelledMessage = (operation: BackupRunProgress['operation']): string =>
  operation === 'backup'
    ? 'Backup cancelled; no backup file was written.'
    : 'Restore cancelled; nothing was restored.';
