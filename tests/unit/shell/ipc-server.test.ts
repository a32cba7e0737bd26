import { describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { pathToFileURL } from 'node:url';
import { GRANT_DROPPED_PATHS_CHANNEL } from '../../../main/contract/channels';
import {
  API_METHODS,
  ipcChannel,
  type ApiEvent,
  type ApiEvents,
} from '../../../main/contract/api-contract';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers } from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import { APP_INDEX_URL } from '../../../main/shell/app-origin';
import { serveIpc } from '../../../main/shell/ipc-server';
import { fakeEngine } from '../api/fake-engine';

type Handler = (event: unknown, args: unknown) => unknown;

function fakeIpcMain() {
  const handles = new Map<string, Handler>();
  const listeners = new Map<string, Handler>();
  const ipc = {
    handle: (ch: string, fn: Handler) => handles.set(ch, fn),
    removeHandler: (ch: string) => handles.delete(ch),
    on: (ch: string, fn: Handler) => listeners.set(ch, fn),
    off: (ch: string) => listeners.delete(ch),
  };
  return { ipc: ipc as unknown as IpcMain, handles, listeners };
}

const appUrl = APP_INDEX_URL;
// The renderer's old file:// address: no longer our page.
const fileUrl = pathToFileURL('/app/out/renderer/index.html').href;

function event(id: number, url: string, main = true) {
  const mainFrame = { url, parent: null };
  return { sender: { id, mainFrame }, senderFrame: main ? mainFrame : { url, parent: mainFrame } };
}

async function setup() {
  const { ipc, handles, listeners } = fakeIpcMain();
  const emit = <E extends ApiEvent>(_e: E, _p: ApiEvents[E]) => {};
  const slot = new EngineSlot(emit);
  const engine = fakeEngine();
  await slot.set(engine);
  // No disk here: every path "exists" as written (real paths: path-grants.test.ts).
  const grants = new PathGrants([], { realpath: (p) => p });
  const refused: string[] = [];
  const stop = serveIpc({
    ipcMain: ipc,
    handlers: createHandlers({
      getEngine: () => slot.get(),
      settings: { get: async () => ({}) as never, update: async () => ({}) as never },
      sampleDir: '/s',
      emit,
      paths: grants,
    }),
    origin: { kind: 'app' },
    ourWebContents: new Set([1]),
    grants,
    log: {},
    onRefused: (c) => refused.push(c),
  });
  return { handles, listeners, grants, refused, stop, engine };
}

describe('IPC server', () => {
  it('registers one channel per method and removes them again', async () => {
    const { handles, listeners, stop } = await setup();
    expect([...handles.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    expect(listeners.has(GRANT_DROPPED_PATHS_CHANNEL)).toBe(true);
    stop();
    expect(handles.size).toBe(0);
    expect(listeners.size).toBe(0);
  });

  it('serves our window and refuses other senders before validating anything', async () => {
    const { handles, refused, engine } = await setup();
    const list = handles.get(ipcChannel('listArticles'))!;
    expect(await list(event(1, appUrl), {})).toMatchObject({ ok: true });
    for (const e of [
      event(2, appUrl),
      event(1, 'https://evil.example/'),
      event(1, appUrl, false),
      event(1, fileUrl),
    ]) {
      expect(await list(e, {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      });
    }
    expect(refused).toHaveLength(4);
    expect(engine.calls.filter((c) => c.method === 'list')).toHaveLength(1);
  });

  it('validates arguments of trusted calls (traversal ids)', async () => {
    const { handles } = await setup();
    const r = await handles.get(ipcChannel('getArticle'))!(event(1, appUrl), { id: '../../x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('drop grant from our page allows importPaths; grants from elsewhere are ignored', async () => {
    const { handles, listeners, grants } = await setup();
    const grant = listeners.get(GRANT_DROPPED_PATHS_CHANNEL)!;
    const importPaths = handles.get(ipcChannel('importPaths'))!;
    grant(event(9, 'https://evil.example/'), ['/home/u/secret']);
    grant(event(1, appUrl), ['/home/u/drop', 'relative', 42, '/x\0y']);
    grant(event(1, appUrl), 'not an array');
    expect(grants.size).toBe(1);
    expect(
      await importPaths(event(1, appUrl), { importId: 'a', paths: ['/home/u/secret/x.txt'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await importPaths(event(1, appUrl), { importId: 'b', paths: ['/home/u/drop/x.txt'] }),
    ).toMatchObject({
      ok: true,
    });
  });
});
