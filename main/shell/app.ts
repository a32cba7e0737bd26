// Wires the desktop app: single instance, logs, the engine worker, the handler table over
// IPC, the window, the menu, and files arriving from the command line, open-with and drops.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ipcEventChannel,
  type ApiEvent,
  type ApiEvents,
  type MenuCommand,
} from '../contract/api-contract';
import { dispatch, setDispatchLog } from '../api/dispatch';
import { EngineSlot } from '../api/engine-slot';
import { createHandlers } from '../api/handlers';
import { ImportRegistry } from '../api/import-registry';
import { PathGrants } from '../api/path-grants';
import { SettingsStore } from '../core/settings-store';
import { argvSkip, PathQueue, pathsFromArgv } from './argv';
import { openRemote, openWithRecovery, pickLibraryDir } from './engine-opener';
import type { RendererOrigin } from './guards';
import { pickImportPaths } from './import-dialogs';
import { serveIpc } from './ipc-server';
import { initialLibraryDir, saveChoice } from './library-location';
import { Logger } from './logger';
import { createMainWindow } from './main-window';
import { menuTemplate } from './menu-template';
import { hardenSession, hardenWebContents } from './security';

/** Starts the app; returns without doing anything when another instance already runs. */
export function startApp(mainDir: string): void {
  // Tests (and people with several profiles) can keep state apart from the default.
  const userDataOverride = process.env.ARCHIVE_READER_USER_DATA;
  if (userDataOverride) app.setPath('userData', userDataOverride);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
  const devServerUrl = isDev ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const origin: RendererOrigin = devServerUrl
    ? { kind: 'dev', url: devServerUrl }
    : { kind: 'file', indexHtml: join(mainDir, '../renderer/index.html') };

  const log = new Logger({ dir: app.getPath('logs'), echo: isDev });
  setDispatchLog({
    call: (e) => {
      if (!e.ok || e.ms > 250) log.info('call', e);
    },
    internal: (method, error) => log.error('call-internal', error, { method }),
  });
  log.info('start', {
    version: app.getVersion(),
    platform: process.platform,
    packaged: app.isPackaged,
  });

  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  const choiceFile = join(userData, 'library-location.json');
  const windowStateFile = join(userData, 'window-state.json');
  const settings = new SettingsStore(join(userData, 'settings.json'));
  const sampleDir = app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples');

  let win: BrowserWindow | null = null;
  const ourWebContents = new Set<number>();
  const grants = new PathGrants();
  const imports = new ImportRegistry();
  const pendingFiles = new PathQueue();
  let libraryDir = initialLibraryDir(process.env, userData, choiceFile);

  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
    if (win && !win.isDestroyed()) win.webContents.send(ipcEventChannel(event), payload);
  };
  const slot = new EngineSlot(emit);
  const handlers = createHandlers({
    getEngine: () => slot.get(),
    settings: { get: () => settings.load(), update: (patch) => settings.update(patch) },
    sampleDir,
    emit,
    paths: grants,
    imports,
  });

  let importSeq = 0;
  /** Imports paths the user handed over outside the page (dialogs, argv, open-with). */
  const importGranted = async (paths: string[]) => {
    if (paths.length === 0) return;
    grants.grantAll(paths);
    const importId = `main-${++importSeq}`;
    const started = Date.now();
    const r = await dispatch(handlers, 'importPaths', { importId, paths }, { transport: 'ipc' });
    if (r.ok) {
      const s = r.value as {
        imported: unknown[];
        duplicates: unknown[];
        failed: unknown[];
        cancelled: boolean;
      };
      log.info('import', {
        imported: s.imported.length,
        duplicates: s.duplicates.length,
        failed: s.failed.length,
        cancelled: s.cancelled,
        ms: Date.now() - started,
      });
    } else {
      log.warn('import-failed', { code: r.error.code });
      if (win)
        void dialog.showMessageBox(win, {
          type: 'warning',
          message: 'Import failed',
          detail: r.error.message,
        });
    }
  };

  const sendCommand = (command: MenuCommand) => emit('menuCommand', { command });

  const chooseLibrary = async () => {
    const dir = await pickLibraryDir(win);
    if (!dir || dir === libraryDir) return;
    try {
      // Open the new one first: if it fails, the current library stays open.
      const engine = await openRemote(dir, { mainDir, log });
      imports.cancelAll();
      await slot.set(engine);
      libraryDir = dir;
      grants.grant(dir);
      await saveChoice(choiceFile, dir);
      void announceIndex();
    } catch (error) {
      log.error('switch-failed', error);
      const detail = error instanceof Error ? error.message : String(error);
      if (win)
        await dialog.showMessageBox(win, {
          type: 'warning',
          message: 'That library could not be opened.',
          detail,
        });
    }
  };

  const announceIndex = async () => {
    try {
      const s = await slot.get().stats();
      emit('indexReady', { documents: s.index.documents, segments: s.index.segments });
    } catch {
      // The renderer asks for stats itself; this is only a nudge.
    }
  };

  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          isMac: process.platform === 'darwin',
          isDev,
          appName: app.name,
          actions: {
            importFiles: () => void pickImportPaths(win, 'files').then(importGranted),
            importFolder: () => void pickImportPaths(win, 'folder').then(importGranted),
            openLibraryFolder: () => void shell.openPath(libraryDir),
            chooseLibrary: () => void chooseLibrary(),
            command: sendCommand,
            about: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: `About ${app.name}`,
                message: `${app.name} ${app.getVersion()}`,
                detail: `An offline reader for archives of articles.\n\nLibrary: ${libraryDir}\nLogs: ${app.getPath('logs')}`,
              }),
            quit: () => app.quit(),
          },
        }),
      ),
    );

  const createWindow = async () => {
    const created = createMainWindow({
      mainDir,
      origin,
      stateFile: windowStateFile,
      theme: (await settings.load()).theme,
      log,
      onLoaded: () => pendingFiles.attach((paths) => void importGranted(paths)),
      onClosed: () => {
        ourWebContents.delete(id);
        win = null;
      },
    });
    win = created.win;
    const id = created.win.webContents.id;
    ourWebContents.add(id);
    await created.loaded;
  };

  // Files named at launch, by a second launch, or by macOS open-file all become grants and
  // wait in the queue until the window has loaded.
  const receiveFiles = (paths: string[]) => {
    grants.grantAll(paths);
    pendingFiles.push(paths);
  };
  receiveFiles(pathsFromArgv(process.argv, process.cwd(), argvSkip(process.defaultApp)));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    receiveFiles(pathsFromArgv(argv, workingDirectory, argvSkip(process.defaultApp)));
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    receiveFiles([path]);
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origin, { blocked: (kind) => log.warn('blocked', { kind }) });
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    imports.cancelAll();
    void slot
      .clear()
      .catch((e: unknown) => log.error('close-failed', e))
      .finally(() => {
        log.info('quit');
        app.quit();
      });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, devServerUrl, {
      blocked: (kind) => log.warn('blocked', { kind }),
    });
    serveIpc({
      ipcMain,
      handlers,
      origin,
      ourWebContents,
      grants,
      onRefused: (channel) => log.warn('ipc-refused', { channel }),
    });
    buildMenu();

    const opened = await openWithRecovery(libraryDir, { mainDir, log }, () => win);
    if (!opened) {
      quitting = true;
      app.quit();
      return;
    }
    libraryDir = opened.dir;
    grants.grant(libraryDir);
    await slot.set(opened.engine);
    await createWindow();
    void announceIndex();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });
}
