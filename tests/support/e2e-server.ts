// The app without Electron: the real engine on a library folder, the real handler table,
// served with the built renderer by the HTTP bridge. The e2e tests start it; to try the UI in
// a browser on a library that is kept, use `npm run serve:browser -- DIR [--port N]`
// (tests/scripts/serve-browser.ts; `npm run serve:e2e` runs this file on a temporary one).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiEvent, ApiEvents } from '../../main/contract/api-contract';
import { createHandlers } from '../../main/api/handlers';
import { startHttpBridge, type HttpBridge } from '../../main/api/http-bridge';
import { PathGrants } from '../../main/api/path-grants';
import { ImportRegistry } from '../../main/api/import-registry';
import { writeBackup } from '../../main/core/backup/write-backup';
import { restoreBackup } from '../../main/core/backup/restore-backup';
import { backUpFlow, type BackupFlowDeps } from '../../main/shell/backup-flow';
import type { LibraryEngine } from '../../main/core/engine';
import { Library } from '../../main/core/library';
import { SettingsStore } from '../../main/core/settings-store';
import { repoRoot, samplesDir } from './shared-data';

export interface E2eApp {
  url: string;
  engine: LibraryEngine;
  libraryDir: string;
  /** Where File → Export… writes (the e2e stand-in for the save dialog). */
  exportDir: string;
  /** Sends an event to the page, as the main process would (e.g. indexReady). */
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  /**
   * Library → Back Up… as main runs it (main/shell/backup-flow.ts), its save dialog answering
   * `file`, `write` standing in for writeBackup when given; resolves with the boxes it showed.
   */
  backUp(file: string, write?: BackupFlowDeps['writeBackup']): Promise<string[]>;
  close(): Promise<void>;
}

export interface E2eOptions {
  /** Library folder; a fresh temporary one when omitted (removed on close). */
  libraryDir?: string;
  port?: number;
  /** Built renderer; defaults to out/renderer. */
  staticDir?: string;
}

/** Where importSample finds its articles: the bundled resources, else the shared samples. */
function sampleFolder(): string {
  const bundled = resolve(repoRoot, 'resources', 'samples');
  return existsSync(bundled) ? bundled : samplesDir;
}

/** Starts the engine, the handler table and the bridge. */
export async function startE2eApp(options: E2eOptions = {}): Promise<E2eApp> {
  const staticDir = options.staticDir ?? resolve(repoRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No renderer build in ${staticDir}; run "npx electron-vite build" first.`);
  }
  const temporary = options.libraryDir === undefined;
  const libraryDir = options.libraryDir ?? (await mkdtemp(join(tmpdir(), 'archive-e2e-')));
  const engine = await Library.open(join(libraryDir, 'library'));
  const settings = new SettingsStore(join(libraryDir, 'settings.json'));
  const exportDir = join(libraryDir, 'exports');

  // The bridge needs the handlers and the handlers need the bridge's emit: late-bind it.
  let bridge: HttpBridge | null = null;
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
    bridge?.emit(event, payload);
  const unsubscribe = engine.onChange((change) =>
    emit(
      'libraryChanged',
      change.ids ? { reason: change.reason, ids: change.ids } : { reason: change.reason },
    ),
  );
  const backups = new ImportRegistry();
  const handlers = createHandlers({
    getEngine: () => engine,
    settings: { get: () => settings.load(), update: (patch) => settings.update(patch) },
    sampleDir: sampleFolder(),
    emit,
    paths: new PathGrants([]),
    // The save dialog of File → Export…: every export goes into <libraryDir>/exports.
    chooseExportPath: async (request) => {
      await mkdir(exportDir, { recursive: true });
      return join(exportDir, request.suggestedName);
    },
    backups,
  });
  bridge = await startHttpBridge({
    handlers,
    staticDir,
    port: options.port ?? 0,
    log: { internal: (method, error) => console.error(`[e2e] ${method} failed:`, error) },
  });
  const started = bridge;
  return {
    url: started.url,
    engine,
    libraryDir,
    exportDir,
    emit: (event, payload) => started.emit(event, payload),
    async backUp(file, write = writeBackup) {
      const boxes: string[] = [];
      await backUpFlow({
        ui: {
          askBackupFile: async () => file,
          askRestoreFile: async () => null,
          askRestoreFolder: async () => null,
          progress: () => undefined,
          inform: async (message) => (boxes.push(message), 0),
          fail: async (message) => void boxes.push(message),
        },
        libraryDir: () => join(libraryDir, 'library'),
        appVersion: 'e2e',
        documentsDir: libraryDir,
        writeBackup: write,
        restoreBackup,
        reveal: () => undefined,
        openLibrary: async () => undefined,
        emitProgress: (p) => started.emit('backupProgress', p),
        runs: backups,
      });
      return boxes;
    },
    async close() {
      unsubscribe();
      await started.close();
      await engine.close();
      if (temporary) await rm(libraryDir, { recursive: true, force: true });
    },
  };
}

export interface SchemeFront {
  /** http://127.0.0.1:<port>, standing in for app://archive-reader */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer through an app:// handler (Request -> Response, exactly as Electron's
 * protocol.handle calls it) at a local origin, and passes /api/ calls on to the HTTP bridge
 * at `apiUrl`, so the page works as it does in the app.
 */
export async function startSchemeFront(
  handler: (request: Request) => Promise<Response>,
  apiUrl: string,
  appOrigin: string,
): Promise<SchemeFront> {
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/api/')) {
      // The bridge only answers its own origin: present the call as coming from it.
      const headers = { ...req.headers, host: api.host };
      delete headers.origin;
      const upstream = httpRequest(
        { host: api.hostname, port: api.port, path, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    void handler(new Request(`${appOrigin}${path}`, { method: req.method ?? 'GET' })).then(
      async (answer) => {
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => (headers[name] = value));
        res.writeHead(answer.status, headers);
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// Run directly: serve until Ctrl+C.
if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const dir = process.argv[2];
  void startE2eApp({
    ...(dir ? { libraryDir: resolve(dir) } : {}),
    port: Number(process.env.PORT ?? 5199),
  }).then((app) => {
    console.log(`Archive Reader at ${app.url}  (library ${app.libraryDir}; Ctrl+C to stop)`);
    const stop = () => void app.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
