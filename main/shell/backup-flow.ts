// Library → Back Up… and Restore…: the steps, the questions and what they say, without
// Electron. backup-dialogs.ts supplies the native dialogs; the work is main/core/backup.
import { join } from 'node:path';
import type { BackupProgress, BackupResult, RestoreResult } from '../contract/backup';
import { errorMessage } from '../contract/error-message';
import { describeContents } from '../core/backup/describe-contents';
import type { BackupOptions } from '../core/backup/write-backup';
import type { RestoreOptions } from '../core/backup/restore-backup';

/** What the flows ask of the desktop: dialogs and a progress indicator. */
export interface BackupUi {
  /** A save dialog for the backup file, starting at `suggested`; null when cancelled. */
  askBackupFile(suggested: string): Promise<string | null>;
  /** An open dialog for a backup file; null when cancelled. */
  askRestoreFile(): Promise<string | null>;
  /** A folder dialog for the new library (empty or new); null when cancelled. */
  askRestoreFolder(): Promise<string | null>;
  /** Shows progress as a fraction 0..1 with what is being done, or hides it (null). */
  progress(fraction: number | null, label?: string): void;
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
    try {
      result = await deps.writeBackup(deps.libraryDir(), file, {
        appVersion: deps.appVersion,
        onProgress: (p) => deps.ui.progress(fraction(p), 'Backing up'),
      });
    } catch (e) {
      await deps.ui.fail('The backup could not be written.', errorMessage(e));
      return;
    } finally {
      deps.ui.progress(null);
    }
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
    try {
      result = await deps.restoreBackup(file, dir, {
        // The app opens the restored library in its engine thread, which rebuilds its
        // catalogue and index there (with the index progress the window already shows).
        rebuild: null,
        onProgress: (p) => deps.ui.progress(fraction(p), 'Restoring'),
      });
    } catch (e) {
      await deps.ui.fail(
        'The backup could not be restored. Nothing was restored.',
        errorMessage(e),
      );
      return;
    } finally {
      deps.ui.progress(null);
    }
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

const fraction = (p: BackupProgress): number => (p.total === 0 ? 0 : p.done / p.total);
