// Import Files… and Import Folder…: native dialogs, whose picks become path grants and go
// through the same importPaths handler the renderer uses, so progress reaches the window.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

/** Asks for article files (or a folder); returns the chosen paths, empty when cancelled. */
export async function pickImportPaths(
  parent: BrowserWindow | null,
  kind: 'files' | 'folder',
): Promise<string[]> {
  const options: OpenDialogOptions =
    kind === 'files'
      ? {
          title: 'Import Files',
          buttonLabel: 'Import',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: 'Text articles', extensions: ['txt', 'text', 'md'] },
            { name: 'All files', extensions: ['*'] },
          ],
        }
      : {
          title: 'Import Folder',
          buttonLabel: 'Import',
          properties: ['openDirectory', 'multiSelections'],
        };
  const r = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}
