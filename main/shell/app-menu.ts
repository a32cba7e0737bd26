// Installs the application menu built by menu-template.ts, and the About box it opens.
import { app, dialog, Menu } from 'electron';
import { menuTemplate, type MenuActions } from './menu-template';

/** Builds the menu for this platform and makes it the application menu. */
export function installAppMenu(isDev: boolean, actions: MenuActions): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isMac: process.platform === 'darwin', isDev, appName: app.name, actions }),
    ),
  );
}

/** Help → About: the version, and where the library and the logs are. */
export function showAbout(libraryDir: string): void {
  void dialog.showMessageBox({
    type: 'info',
    title: `About ${app.name}`,
    message: `${app.name} ${app.getVersion()}`,
    detail: `An offline reader for archives of articles.\n\nLibrary: ${libraryDir}\nLogs: ${app.getPath('logs')}`,
  });
}
