// The native side of Back Up… and Restore…: file and folder dialogs, message boxes, and the
// progress bar on the window's taskbar or dock icon (the window itself shows the progress with
// a Cancel). Thin on purpose: backup-flow.ts decides.
import {
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
} from 'electron';
import type { BackupUi } from './backup-flow';

const ZIP_FILTER = [{ name: 'Archive Reader backup (zip)', extensions: ['zip'] }];

/** The BackupUi over Electron's dialogs, parented to the current window when there is one. */
export function backupDialogs(window: () => BrowserWindow | null): BackupUi {
  const box = (options: MessageBoxOptions) => {
    const parent = window();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  };
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = window();
    const r = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  return {
    async askBackupFile(suggested) {
      const options = { title: 'Back Up Library', defaultPath: suggested, filters: ZIP_FILTER };
      const parent = window();
      const r = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    askRestoreFile: () =>
      open({ title: 'Restore from Backup', filters: ZIP_FILTER, properties: ['openFile'] }),
    askRestoreFolder: () =>
      open({
        title: 'Choose an Empty Folder for the Restored Library',
        buttonLabel: 'Restore Here',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      }),
    progress(fraction) {
      window()?.setProgressBar(fraction === null ? -1 : Math.max(0, Math.min(1, fraction)));
    },
    async inform(message, detail, buttons) {
      const r = await box({ type: 'info', message, detail, buttons, defaultId: 0, noLink: true });
      return r.response;
    },
    async fail(message, detail) {
      await box({ type: 'error', message, detail });
    },
  };
}
