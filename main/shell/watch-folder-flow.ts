// Library → Watch Folder…: the chosen folder becomes a path grant and goes through the same
// addWatchedFolder handler the renderer may call, so the engine's checks and its status
// events are the same either way. Electron-free: the dialog and the warning come in.
import type { ApiResponse } from '../contract/api-contract';

export interface WatchFolderDeps {
  /** Asks for a folder; null when cancelled. */
  pickDir(): Promise<string | null>;
  /** Lets the page's calls name this folder (what the user picked is theirs to watch). */
  grant(path: string): void;
  /** The addWatchedFolder call, through dispatch. */
  add(path: string): Promise<ApiResponse<unknown>>;
  /** Tells the user why it did not work (a one-line message and the detail). */
  warn(message: string, detail: string): Promise<void>;
}

/** Asks for a folder and watches it; resolves true once it is watched. */
export async function watchFolderFlow(deps: WatchFolderDeps): Promise<boolean> {
  const dir = await deps.pickDir();
  if (!dir) return false;
  deps.grant(dir);
  const response = await deps.add(dir);
  if (response.ok) return true;
  await deps.warn('That folder cannot be watched.', response.error.message);
  return false;
}
