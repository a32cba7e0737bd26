// The application menu as data. The template is built by a pure function so its items,
// accelerators and per-platform differences are unit-tested; index.ts supplies the actions.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/api-contract';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  openLibraryFolder(): void;
  chooseLibrary(): void;
  /** Library → Watch Folder… (watch-folder-flow.ts). */
  watchFolder(): void;
  /** Library → Back Up… and Restore… (backup-flow.ts). */
  backUp(): void;
  restoreBackup(): void;
  /** Sends a menuCommand event to the renderer. */
  command(command: MenuCommand): void;
  about(): void;
  quit(): void;
}

export interface MenuInput {
  isMac: boolean;
  isDev: boolean;
  appName: string;
  actions: MenuActions;
}

/** The application menu: File, Edit, View, Window, Help (plus the app menu on macOS). */
export function menuTemplate({
  isMac,
  isDev,
  appName,
  actions,
}: MenuInput): MenuItemConstructorOptions[] {
  const cmd = (command: MenuCommand) => () => actions.command(command);
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: `About ${appName}`, click: () => actions.about() },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      {
        label: 'Import Folder…',
        accelerator: 'Shift+CmdOrCtrl+O',
        click: () => actions.importFolder(),
      },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: cmd('export') },
      { label: 'Export Highlights…', click: cmd('export-highlights') },
      ...(isMac
        ? []
        : [sep, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }]),
    ],
  };

  const library: MenuItemConstructorOptions = {
    label: '&Library',
    submenu: [
      { label: 'Open Library Folder', click: () => actions.openLibraryFolder() },
      { label: 'Choose Library…', click: () => actions.chooseLibrary() },
      sep,
      { label: 'Watch Folder…', click: () => actions.watchFolder() },
      sep,
      { label: 'Back Up…', click: () => actions.backUp() },
      { label: 'Restore…', click: () => actions.restoreBackup() },
      sep,
      { label: 'Check Library…', click: cmd('check-library') },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      {
        label: 'Highlight Selection',
        accelerator: 'CmdOrCtrl+Shift+H',
        click: cmd('highlight-selection'),
      },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: cmd('focus-search') },
      sep,
      { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+\\', click: cmd('toggle-sidebar') },
      {
        label: 'Theme',
        submenu: [
          { label: 'Follow System', click: cmd('theme-system') },
          { label: 'Light', click: cmd('theme-light') },
          { label: 'Dark', click: cmd('theme-dark') },
          { label: 'Sepia', click: cmd('theme-sepia') },
        ],
      },
      sep,
      { label: 'Larger Reader Font', accelerator: 'CmdOrCtrl+Shift+=', click: cmd('font-larger') },
      {
        label: 'Smaller Reader Font',
        accelerator: 'CmdOrCtrl+Shift+-',
        click: cmd('font-smaller'),
      },
      { label: 'Reset Reader Font', accelerator: 'CmdOrCtrl+Shift+0', click: cmd('font-reset') },
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(isDev ? [sep, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: cmd('show-shortcuts') },
      ...(isMac ? [] : [sep, { label: `About ${appName}`, click: () => actions.about() }]),
    ],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, library, windowMenu, help];
}
