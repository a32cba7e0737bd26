// One Back Up… or Restore… run as the window sees it: registered under a runId so that the
// page's cancelBackup can abort it, with its progress sent as backupProgress events (and to
// the taskbar), and one last event saying how it ended.
import { randomUUID } from 'node:crypto';
import type { BackupProgress, BackupRunProgress } from '../contract/backup';
import type { ImportRegistry } from '../api/import-registry';
import { isArchiveError } from '../core/errors';

type Ending = NonNullable<BackupRunProgress['ended']>;

export interface BackupRun {
  signal: AbortSignal;
  onProgress(p: BackupProgress): void;
  /** Sends the last event and forgets the run; `cancelled` when `error` is a cancel. */
  end(error?: unknown): Ending;
}

export interface BackupRunDeps {
  runs: ImportRegistry;
  emit(p: BackupRunProgress): void;
  /** The taskbar's progress, 0..1, or null to hide it. */
  taskbar(fraction: number | null): void;
  newRunId?: () => string;
}

/** Starts a run: the panel shows at once, before the first file is read. */
export function startBackupRun(
  deps: BackupRunDeps,
  operation: BackupRunProgress['operation'],
): BackupRun {
  const runId = (deps.newRunId ?? randomUUID)();
  const controller = deps.runs.start(runId);
  let last: BackupProgress = {
    phase: operation === 'backup' ? 'reading' : 'verifying',
    done: 0,
    total: 0,
  };
  const send = (ended?: Ending) =>
    deps.emit({ ...last, runId, operation, ...(ended ? { ended } : {}) });
  send();
  return {
    signal: controller.signal,
    onProgress(p) {
      last = p;
      deps.taskbar(p.total === 0 ? 0 : p.done / p.total);
      send();
    },
    end(error) {
      deps.runs.finish(runId, controller);
      deps.taskbar(null);
      const ended: Ending =
        error === undefined
          ? 'completed'
          : isArchiveError(error) && error.code === 'CANCELLED'
            ? 'cancelled'
            : 'failed';
      send(ended);
      return ended;
    },
  };
}
