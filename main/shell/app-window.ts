// The app's one window: creating it (again, on macOS activate), focusing it for a second
// launch, sending it events, and the webContents ids the IPC sender check trusts.
import type { BrowserWindow } from 'electron';
import {
  ipcEventChannel,
  type ApiEvent,
  type ApiEvents,
  type Theme,
} from '../contract/api-contract';
import type { RendererOrigin } from './guards';
import type { Logger } from './logger';
import { createMainWindow } from './main-window';

export interface AppWindowOptions {
  mainDir: string;
  origin: RendererOrigin;
  stateFile: string;
  log: Logger;
  /** The theme to paint the window's background with before the page loads. */
  theme(): Promise<Theme>;
  /** Each time the page has loaded (first load and reloads). */
  onLoaded(win: BrowserWindow): void;
}

/** Holds the current window, if any. */
export class AppWindow {
  private win: BrowserWindow | null = null;
  /** webContents ids of our windows: only they may call the API. */
  readonly ourWebContents = new Set<number>();

  constructor(private readonly o: AppWindowOptions) {}

  /** The window, or null while there is none. */
  current(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** Sends an API event to the page (dropped when there is no window). */
  readonly emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => {
    this.current()?.webContents.send(ipcEventChannel(event), payload);
  };

  /** Opens the window and resolves once the page has loaded. */
  async open(): Promise<void> {
    const created = createMainWindow({
      mainDir: this.o.mainDir,
      origin: this.o.origin,
      stateFile: this.o.stateFile,
      theme: await this.o.theme(),
      log: this.o.log,
      onLoaded: () => this.o.onLoaded(created.win),
      onClosed: () => {
        this.ourWebContents.delete(id);
        this.win = null;
      },
    });
    const id = created.win.webContents.id;
    this.win = created.win;
    this.ourWebContents.add(id);
    await created.loaded;
  }

  /** Brings the window forward (a second launch handed us files). */
  focus(): void {
    const win = this.current();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  }
}
