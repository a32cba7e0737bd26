// Library → Watch Folder…: the native folder dialog, and nothing else (the flow around it is
// watch-folder-flow.ts).
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

/** Asks for a folder to watch; null when cancelled. */
export async function pickWatchFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Watch Folder',
    buttonLabel: 'Watch',
    message: 'New and changed text files in this folder are imported while the app is open.',
    properties: ['openDirectory', 'createDirectory'],
  };
  const r = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}
