// Wires the desktop app from its parts: the library session, file intake, the window, the
// menu, the app:// scheme, IPC and quitting. Each part does one job in its own module; this
// is only where they meet Electron's app object.
import { app, ipcMain, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, setDispatchLog } from '../api/dispatch';
import { EngineSlot } from '../api/engine-slot';
import { createHandlers } from '../api/handlers';
import { ImportRegistry } from '../api/import-registry';
import { PathGrants } from '../api/path-grants';
import { libraryChoiceFile, resolveLibraryDir, saveLibraryChoice } from '../core/library-location';
import { userDataOverride } from '../core/paths';
import { SettingsStore } from '../core/settings-store';
import { installAppMenu, showAbout } from './app-menu';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { AppWindow } from './app-window';
import { openRemote } from './engine-opener';
import { FileIntake } from './file-intake';
import type { RendererOrigin } from './guards';
import { pickImportPaths } from './import-dialogs';
import { chooseExportPath } from './export-dialog';
import { backupDialogs } from './backup-dialogs';
import { backUpFlow, restoreFlow, type BackupFlowDeps } from './backup-flow';
import { writeBackup } from '../core/backup/write-backup';
import { restoreBackup } from '../core/backup/restore-backup';
import { serveIpc } from './ipc-server';
import { askAfterOpenFailure, pickLibraryDir, showWarning } from './library-dialogs';
import { LibrarySession } from './library-session';
import { pickWatchFolder } from './watch-dialog';
import { watchFolderFlow } from './watch-folder-flow';
import { WatchRunner } from './watch-runner';
import { Logger } from './logger';
import { QuitSequence, quitsWhenAllWindowsClosed } from './quit-sequence';
import { hardenSession, hardenWebContents } from './security';
import { SMOKE_REPORT_ENV, waitForListRows, writeSmokeReport } from './smoke-probe';

/** Starts the app; returns without doing anything when another instance already runs. */
export function startApp(mainDir: string): void {
  // Tests (and people with several profiles) keep state apart; the CLI reads the same variable.
  const userDataDir = userDataOverride(process.env);
  if (userDataDir) app.setPath('userData', userDataDir);
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
  const devServerUrl = isDev ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const origin: RendererOrigin = devServerUrl
    ? { kind: 'dev', url: devServerUrl }
    : { kind: 'app' };

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
  const settings = new SettingsStore(join(userData, 'settings.json'));
  const sampleDir = app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples');

  const grants = new PathGrants();
  const imports = new ImportRegistry();
  const backupRuns = new ImportRegistry();
  const smokeReport = process.env[SMOKE_REPORT_ENV];
  let loadedOnce = false;
  const appWindow = new AppWindow({
    mainDir,
    origin,
    stateFile: join(userData, 'window-state.json'),
    log,
    theme: async () => (await settings.load()).theme,
    onLoaded: (win) => {
      intake.windowReady();
      if (smokeReport && !loadedOnce) {
        void smokeCheck(smokeReport, (script) => win.webContents.executeJavaScript(script));
      }
      loadedOnce = true;
    },
  });
  const slot = new EngineSlot(appWindow.emit);
  const handlers = createHandlers({
    getEngine: () => slot.get(),
    settings: { get: () => settings.load(), update: (patch) => settings.update(patch) },
    sampleDir,
    emit: appWindow.emit,
    paths: grants,
    imports,
    reveal: (path) => shell.showItemInFolder(path),
    chooseExportPath: (request) => chooseExportPath(appWindow.current(), request),
    backups: backupRuns,
  });
  const warn = (message: string, detail: string) =>
    showWarning(appWindow.current(), message, detail);

  const library = new LibrarySession(
    {
      slot,
      grants,
      imports,
      emit: appWindow.emit,
      log,
      open: (dir) => openRemote(dir, { mainDir, log }),
      askAfterFailure: (d) => askAfterOpenFailure(appWindow.current(), d),
      pickDir: () => pickLibraryDir(appWindow.current()),
      warn,
      saveChoice: (dir) => saveLibraryChoice(libraryChoiceFile(userData), dir),
      watch: new WatchRunner({ emit: (status) => appWindow.emit('watchStatus', status), log }),
    },
    resolveLibraryDir({ env: process.env, userData }),
  );
  const intake = new FileIntake({
    grants,
    importPaths: (args) => dispatch(handlers, 'importPaths', args, { transport: 'ipc' }),
    log,
    warn: (message, detail) => void warn(message, detail),
  });
  const quit = new QuitSequence({ close: () => library.close(), quit: () => app.quit(), log });

  async function smokeCheck(file: string, evaluate: (script: string) => Promise<unknown>) {
    // The smoke script hands over one article on the command line.
    const report = await waitForListRows(evaluate, { minRows: 1, timeoutMs: 60_000 });
    log.info('smoke', { ok: report.ok, ms: report.ms, rows: report.page?.rows ?? 0 });
    await writeSmokeReport(file, report).catch((e: unknown) => log.error('smoke-report', e));
    app.quit();
  }

  // Files named at launch, by a second launch, or by macOS open-file are granted and wait
  // until the window has loaded.
  intake.receiveArgv(process.argv, process.cwd(), process.defaultApp);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    intake.receiveArgv(argv, workingDirectory, process.defaultApp);
    appWindow.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    intake.receive([path]);
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origin, { blocked: (kind) => log.warn('blocked', { kind }) });
  });
  app.on('before-quit', (event) => quit.onBeforeQuit(event));
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, devServerUrl, {
      blocked: (kind) => log.warn('blocked', { kind }),
    });
    if (origin.kind === 'app') serveAppScheme(join(mainDir, '../renderer'));
    serveIpc({
      ipcMain,
      handlers,
      origin,
      ourWebContents: appWindow.ourWebContents,
      grants,
      onRefused: (channel) => log.warn('ipc-refused', { channel }),
    });
    const backupDeps = (): BackupFlowDeps => ({
      ui: backupDialogs(() => appWindow.current()),
      libraryDir: () => library.dir,
      appVersion: app.getVersion(),
      documentsDir: app.getPath('documents'),
      writeBackup,
      restoreBackup,
      reveal: (path) => shell.showItemInFolder(path),
      openLibrary: (dir) => library.switchTo(dir),
      emitProgress: (p) => appWindow.emit('backupProgress', p),
      runs: backupRuns,
    });
    installAppMenu(isDev, {
      importFiles: () =>
        void pickImportPaths(appWindow.current(), 'files').then((p) => intake.importGranted(p)),
      importFolder: () =>
        void pickImportPaths(appWindow.current(), 'folder').then((p) => intake.importGranted(p)),
      openLibraryFolder: () => void shell.openPath(library.dir),
      chooseLibrary: () => void library.choose(),
      watchFolder: () =>
        void watchFolderFlow({
          pickDir: () => pickWatchFolder(appWindow.current()),
          grant: (path) => grants.grant(path),
          add: (path) => dispatch(handlers, 'addWatchedFolder', { path }, { transport: 'ipc' }),
          warn,
        }),
      backUp: () => void backUpFlow(backupDeps()),
      restoreBackup: () => void restoreFlow(backupDeps()),
      command: (command) => appWindow.emit('menuCommand', { command }),
      about: () => showAbout(library.dir),
      quit: () => app.quit(),
    });

    if (!(await library.openAtStart())) {
      quit.quitNow();
      return;
    }
    await appWindow.open();
    void library.announceIndex();

    app.on('activate', () => {
      if (!appWindow.current()) void appWindow.open();
    });
  });
}
