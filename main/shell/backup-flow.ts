// Library → Back Up… and Restore…: the steps, the questions and what they say, without
// Electron. backup-dialogs.ts supplies the native dialogs; the work is main/core/backup; the
// window shows the progress with a Cancel (backupProgress events, cancelBackup).
import { join } from 'node:path';
import type { BackupResult, BackupRunProgress, RestoreResult } from '../contract/backup';
import { errorMessage } from '../contract/error-message';
import { ImportRegistry } from '../api/import-registry';
import { describeContents } from '../core/backup/describe-contents';
import type { BackupOptions } from '../core/backup/write-backup';
import type { RestoreOptions } from '../core/backup/restore-backup';
import { startBackupRun, type BackupRun } from './backup-run';

/** What the flows ask of the desktop: dialogs and a progress indicator. */
export interface BackupUi {
  /** A save dialog for the backup file, starting at `suggested`; null when cancelled. */
  askBackupFile(suggested: string): Promise<string | null>;
  /** An open dialog for a backup file; null when cancelled. */
  askRestoreFile(): Promise<string | null>;
  /** A folder dialog for the new library (empty or new); null when cancelled. */
  askRestoreFolder(): Promise<string | null>;
  /** Shows progress on the taskbar or dock icon as a fraction 0..1, or hides it (null). */
  progress(fraction: number | null): void;
  /** An information box; resolves with the index of the button pressed. */
  inform(message: string, detail: string, buttons: string[]): Promise<number>;
  /** An error box. */
  fail(message: string, detail: string): Promise<void>;
}

export interface BackupFlowDeps {
  ui: BackupUi;
  /** The open library's folder. */
  libraryDir(): string;
  appVersion: string;
  /** The user's documents folder, where a backup is suggested. */
  documentsDir: string;
  writeBackup(dir: string, file: string, options: BackupOptions): Promise<BackupResult>;
  restoreBackup(file: string, dir: string, options: RestoreOptions): Promise<RestoreResult>;
  /** Shows a file in the system's file manager. */
  reveal(path: string): void;
  /** Switches the app to the library at `dir` (its caches are rebuilt as it opens). */
  openLibrary(dir: string): Promise<void>;
  /** Sends a backupProgress event to the window (its panel shows the run with a Cancel). */
  emitProgress?(p: BackupRunProgress): void;
  /** Running runs by runId, shared with the cancelBackup handler. */
  runs?: ImportRegistry;
  newRunId?: () => string;
  now?: () => Date;
}

/** One backup or restore at a time: a second menu click while one runs is ignored. */
let running = false;

/** Library → Back Up…: asks where, writes the backup with progress, says what it holds. */
export async function backUpFlow(deps: BackupFlowDeps): Promise<void> {
  if (running) return;
  running = true;
  try {
    const day = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const file = await deps.ui.askBackupFile(
      join(deps.documentsDir, `Archive Reader backup ${day}.zip`),
    );
    if (file === null) return;
    let result: BackupResult;
    const run = startRun(deps, 'backup');
    try {
      result = await deps.writeBackup(deps.libraryDir(), file, {
        appVersion: deps.appVersion,
        onProgress: run.onProgress,
        signal: run.signal,
      });
    } catch (e) {
      // A cancel was the user's own doing: the window says so, no error box.
      if (run.end(e) === 'failed') {
        await deps.ui.fail('The backup could not be written.', errorMessage(e));
      }
      return;
    }
    run.end();
    const left =
      result.skipped.length === 0
        ? ''
        : `\n\n${result.skipped.length} file(s) left out: ${result.skipped
            .slice(0, 5)
            .map((s) => `${s.path} (${s.reason})`)
            .join('; ')}`;
    const pressed = await deps.ui.inform(
      'Backup complete',
      `${describeContents(result.contents)}, in ${result.path}.${left}`,
      ['OK', 'Show in Folder'],
    );
    if (pressed === 1) deps.reveal(result.path);
  } finally {
    running = false;
  }
}

/**
 * Library → Restore…: asks for the backup, then for an empty or new folder; verifies and
 * restores with progress; then offers to open the restored library.
 */
export async function restoreFlow(deps: BackupFlowDeps): Promise<void> {
  if (running) return;
  running = true;
  try {
    const file = await deps.ui.askRestoreFile();
    if (file === null) return;
    const dir = await deps.ui.askRestoreFolder();
    if (dir === null) return;
    let result: RestoreResult;
    const run = startRun(deps, 'restore');
    try {
      result = await deps.restoreBackup(file, dir, {
        // The app opens the restored library in its engine thread, which rebuilds its
        // catalogue and index there (with the index progress the window already shows).
        rebuild: null,
        onProgress: run.onProgress,
        signal: run.signal,
      });
    } catch (e) {
      if (run.end(e) === 'failed') {
        await deps.ui.fail(
          'The backup could not be restored. Nothing was restored.',
          errorMessage(e),
        );
      }
      return;
    }
    run.end();
    const pressed = await deps.ui.inform(
      'Restore complete',
      `${describeContents(result.contents)} restored into ${result.library}, every file checked against the backup's checksums. Open the restored library now?`,
      ['Open Restored Library', 'Not Now'],
    );
    if (pressed === 0) await deps.openLibrary(result.library);
  } finally {
    running = false;
  }
}

// Where no registry is passed (tests of the dialogs alone) the runs are simply not cancellable.
const localRuns = new ImportRegistry();

function startRun(deps: BackupFlowDeps, operation: BackupRunProgress['operation']): BackupRun {
  return startBackupRun(
    {
      runs: deps.runs ?? localRuns,
      emit: (p) => deps.emitProgress?.(p),
      taskbar: (f) => deps.ui.progress(f),
      newRunId: deps.newRunId,
    },
    operation,
  );
}
