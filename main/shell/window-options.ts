// BrowserWindow options in one pure function, so the security-relevant preferences are
// unit-tested rather than buried in startup code.
import type { BrowserWindowConstructorOptions } from 'electron';
import { THEME_BACKGROUND, type Theme } from '../contract/settings';
import type { WindowBounds } from './window-state';

/** The background colour for a theme; 'system' follows the OS dark-mode flag. */
export function backgroundFor(theme: Theme, osDark: boolean): string {
  if (theme === 'system') return osDark ? THEME_BACKGROUND.dark : THEME_BACKGROUND.light;
  return THEME_BACKGROUND[theme];
}

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preload: string;
  bounds: WindowBounds;
  theme: Theme;
  osDark: boolean;
  title?: string;
  icon?: string;
}

/** Options for the main window: isolated, sandboxed, no Node in the page. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { bounds } = input;
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: input.title ?? 'Archive Reader',
    backgroundColor: backgroundFor(input.theme, input.osDark),
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      experimentalFeatures: false,
    },
  };
}
