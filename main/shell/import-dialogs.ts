// Import Files… and Import Folder…: native dialogs, whose picks become path grants and go
// through the same importPaths handler the renderer uses, so progress reaches the window.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { ARTICLE_EXTENSIONS } from '../contract/import-rules';

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
            { name: 'Articles', extensions: ARTICLE_EXTENSIONS.map((e) => e.slice(1)) },
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
