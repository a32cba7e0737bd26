// The export's save dialog in main (File → Export…): thin; what it shows is decided in
// export-dialog-options.ts.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { SaveDialogRequest } from '../contract/export';
import { exportSaveOptions } from './export-dialog-options';

/** Asks where an export goes; null when the dialog was closed. */
export async function chooseExportPath(
  parent: BrowserWindow | null,
  request: SaveDialogRequest,
): Promise<string | null> {
  const options = exportSaveOptions(request, app.getPath('documents'), join);
  const r = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}
