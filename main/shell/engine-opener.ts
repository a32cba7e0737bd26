// Opens a library in the engine worker, and when that fails shows the user what happened
// with a way forward (Retry / Choose Another Library… / Quit) until something opens.
import { dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { isArchiveError } from '../core/errors';
import { RemoteEngine } from '../core/host/remote-engine';
import type { LibraryEngine } from '../core/engine';
import { openFailureDialog } from './error-dialogs';
import type { Logger } from './logger';

export interface OpenerOptions {
  /** Folder holding the built main-side scripts (out/main). */
  mainDir: string;
  log: Logger;
  onIndexProgress?: (p: { done: number; total: number }) => void;
}

/** Opens `dir` in a worker thread; rejects with the engine's error. */
export function openRemote(dir: string, o: OpenerOptions): Promise<LibraryEngine> {
  const started = Date.now();
  return RemoteEngine.open(dir, {
    hostScript: join(o.mainDir, 'engine-host.js'),
    workerScript: join(o.mainDir, 'index-worker.js'),
    ...(o.onIndexProgress ? { onIndexProgress: o.onIndexProgress } : {}),
  }).then((engine) => {
    o.log.info('library-open', { ms: Date.now() - started });
    return engine;
  });
}

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
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
}

/**
 * Opens `dir`, asking the user what to do on failure. Resolves with the engine and the
 * folder that opened, or null when the user chose Quit.
 */
export async function openWithRecovery(
  dir: string,
  o: OpenerOptions,
  parent: () => BrowserWindow | null,
): Promise<{ engine: LibraryEngine; dir: string } | null> {
  let current = dir;
  for (;;) {
    try {
      return { engine: await openRemote(current, o), dir: current };
    } catch (error) {
      const code = isArchiveError(error) ? error.code : undefined;
      o.log.error('library-open-failed', error, { code: code ?? 'INTERNAL' });
      const message = error instanceof Error ? error.message : String(error);
      const d = openFailureDialog(code, message, current);
      const win = parent();
      const box = {
        type: d.type,
        title: d.title,
        message: d.message,
        detail: d.detail,
        buttons: d.buttons,
        defaultId: d.defaultId,
        cancelId: d.cancelId,
        noLink: true,
      };
      const r = win ? await dialog.showMessageBox(win, box) : await dialog.showMessageBox(box);
      const choice = d.choices[r.response] ?? 'quit';
      if (choice === 'quit') return null;
      if (choice === 'choose') current = (await pickLibraryDir(win)) ?? current;
    }
  }
}
