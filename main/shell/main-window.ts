// Creates the one app window at its remembered bounds and keeps those bounds saved.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Theme } from '../contract/api-contract';
import { rendererUrl, type RendererOrigin } from './guards';
import type { Logger } from './logger';
import { windowOptions } from './window-options';
import { clampBounds, loadWindowState, saveWindowState, type WindowBounds } from './window-state';

export interface MainWindowOptions {
  mainDir: string;
  origin: RendererOrigin;
  stateFile: string;
  theme: Theme;
  log: Logger;
  /** Each time the page has loaded (first load and reloads). */
  onLoaded(): void;
  onClosed(): void;
}

/** Opens the window hidden, shows it when painted, and starts loading the renderer. */
export function createMainWindow(o: MainWindowOptions): {
  win: BrowserWindow;
  loaded: Promise<void>;
} {
  const bounds = clampBounds(
    loadWindowState(o.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  // Packaged builds take their icon from the installer; this covers `electron .` runs.
  const iconPath = join(o.mainDir, '../../resources/icons/512x512.png');
  const win = new BrowserWindow(
    windowOptions({
      preload: join(o.mainDir, '../preload/index.cjs'),
      bounds,
      theme: o.theme,
      osDark: nativeTheme.shouldUseDarkColors,
      ...(existsSync(iconPath) ? { icon: iconPath } : {}),
    }),
  );
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => o.onLoaded());

  const current = (): WindowBounds => ({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed()) return;
      void saveWindowState(o.stateFile, current()).catch((e: unknown) =>
        o.log.error('window-state', e),
      );
    }, 400);
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('close', () => {
    clearTimeout(timer);
    void saveWindowState(o.stateFile, current()).catch((e: unknown) =>
      o.log.error('window-state', e),
    );
  });
  win.on('closed', () => o.onClosed());
  return { win, loaded: win.loadURL(rendererUrl(o.origin)) };
}
