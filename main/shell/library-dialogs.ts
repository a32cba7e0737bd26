// The native dialogs the library session needs: choosing a folder, what to do when a library
// does not open, and a warning. Thin on purpose: what they say is decided in error-dialogs.ts.
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { OpenFailureChoice, OpenFailureDialog } from './error-dialogs';

const showBox = (parent: BrowserWindow | null, box: MessageBoxOptions) =>
  parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box);

/** Asks for a library folder (existing or new); null when cancelled. */
export async function pickLibraryDir(parent: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Choose Library',
    buttonLabel: 'Use as Library',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as (
      'openDirectory' | 'createDirectory' | 'promptToCreate'
    )[],
  };
  const r = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/** Shows why a library did not open; resolves with the way forward the user picked. */
export async function askAfterOpenFailure(
  parent: BrowserWindow | null,
  d: OpenFailureDialog,
): Promise<OpenFailureChoice> {
  const r = await showBox(parent, {
    type: d.type,
    title: d.title,
    message: d.message,
    detail: d.detail,
    buttons: d.buttons,
    defaultId: d.defaultId,
    cancelId: d.cancelId,
    noLink: true,
  });
  return d.choices[r.response] ?? 'quit';
}

/** A warning with a one-line message and its detail. */
export async function showWarning(
  parent: BrowserWindow | null,
  message: string,
  detail: string,
): Promise<void> {
  await showBox(parent, { type: 'warning', message, detail });
}
