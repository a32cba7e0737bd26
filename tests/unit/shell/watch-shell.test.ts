// The app's side of watched folders, without Electron: Library → Watch Folder… (dialog, grant,
// the addWatchedFolder handler), and watching while a library is open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers } from '../../../main/api/handlers';
import { ImportRegistry } from '../../../main/api/import-registry';
import { PathGrants } from '../../../main/api/path-grants';
import type { WatchStatus } from '../../../main/contract/watch';
import type { LibraryEngine, WatchRunOptions } from '../../../main/core/engine';
import { LibrarySession } from '../../../main/shell/library-session';
import { watchFolderFlow } from '../../../main/shell/watch-folder-flow';
import { WatchRunner } from '../../../main/shell/watch-runner';
import { fakeEngine } from '../api/fake-engine';
import { openFake } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';

const status = (importedSinceStart: number): WatchStatus => ({
  running: true,
  folders: 1,
  watching: 1,
  catchingUp: false,
  pending: 0,
  importedSinceStart,
  lastBatch: null,
  problems: [],
});

describe('Library → Watch Folder…', () => {
  const base = tempDir('ar-watch-shell-');
  const slot = new EngineSlot(() => undefined);
  afterAll(() => slot.clear());

  async function setup() {
    await slot.set(await openFake(join(base, `lib-${Math.random().toString(36).slice(2)}`)));
    const grants = new PathGrants();
    const handlers = createHandlers({
      getEngine: () => slot.get(),
      settings: { get: async () => ({}) as never, update: async () => ({}) as never },
      sampleDir: base,
      emit: () => undefined,
      paths: grants,
    });
    const warnings: string[] = [];
    const deps = (pick: string | null) => ({
      pickDir: async () => pick,
      grant: (path: string) => grants.grant(path),
      add: (path: string) =>
        dispatch(handlers, 'addWatchedFolder', { path }, { transport: 'test' }),
      warn: async (message: string, detail: string) => {
        warnings.push(`${message} ${detail}`);
      },
    });
    return { handlers, deps, warnings };
  }

  it('watches the folder picked in the dialog', async () => {
    const { deps, warnings } = await setup();
    const inbox = join(base, 'inbox');
    mkdirSync(inbox, { recursive: true });
    expect(await watchFolderFlow(deps(inbox))).toBe(true);
    expect(warnings).toEqual([]);
    const list = await slot.get().listWatchedFolders();
    expect(list.folders.map((f) => f.path)).toEqual([inbox]);
  });

  it('does nothing when the dialog is cancelled, and warns when the folder cannot be watched', async () => {
    const { deps, warnings } = await setup();
    expect(await watchFolderFlow(deps(null))).toBe(false);
    // The library's own folder cannot be watched: the engine says why, the user is told.
    expect(await watchFolderFlow(deps(slot.get().path))).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('That folder cannot be watched.')]);
    expect((await slot.get().listWatchedFolders()).folders).toEqual([]);
  });

  it('lets the page add only a folder the user chose or dropped', async () => {
    const { handlers } = await setup();
    const other = join(base, 'elsewhere');
    mkdirSync(other, { recursive: true });
    const r = await dispatch(handlers, 'addWatchedFolder', { path: other }, { transport: 'ipc' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** A fake engine whose watchFolders the test drives. */
function watchingEngine(dir: string) {
  const engine = fakeEngine(dir);
  const runs: { options: WatchRunOptions; end(error?: Error): void }[] = [];
  engine.watchFolders = (options = {}) =>
    new Promise<void>((resolve, reject) =>
      runs.push({ options, end: (error) => (error ? reject(error) : resolve()) }),
    );
  return { engine: engine as LibraryEngine & { closed: boolean }, runs };
}

describe('watching while a library is open', () => {
  it('forwards the status of the open library only, and watches again after a failure', async () => {
    const emitted: WatchStatus[] = [];
    const errors: string[] = [];
    const runner = new WatchRunner({
      emit: (s) => emitted.push(s),
      log: { error: (event) => errors.push(event) },
      retryMs: 10,
    });
    const first = watchingEngine('/a');
    runner.start(first.engine);
    first.runs[0]!.options.onStatus!(status(1));
    // The engine worker died and was restarted: the call fails, and watching starts again.
    first.runs[0]!.end(new Error('The library engine stopped and was restarted; try again.'));
    await new Promise((r) => setTimeout(r, 50));
    expect(errors).toEqual(['watch-failed']);
    expect(first.runs).toHaveLength(2);

    const second = watchingEngine('/b');
    runner.start(second.engine);
    first.runs[1]!.options.onStatus!(status(2));
    second.runs[0]!.options.onStatus!(status(3));
    expect(emitted.map((s) => s.importedSinceStart)).toEqual([1, 3]);
    // The old library's watch failing as it closes is not retried.
    first.runs[1]!.end(new Error('closed'));
    runner.stop();
    second.runs[0]!.end(new Error('closed'));
    await new Promise((r) => setTimeout(r, 50));
    expect(first.runs).toHaveLength(2);
    expect(second.runs).toHaveLength(1);
  });

  it('starts watching when the session opens a library and stops before it closes', async () => {
    const started: string[] = [];
    let stopped = 0;
    const engine = fakeEngine('/lib');
    const session = new LibrarySession(
      {
        slot: new EngineSlot(() => undefined),
        grants: new PathGrants([], { realpath: (p) => p }),
        imports: new ImportRegistry(),
        emit: () => undefined,
        log: { error: () => undefined },
        open: async () => engine,
        askAfterFailure: async () => 'quit',
        pickDir: async () => null,
        warn: async () => undefined,
        saveChoice: async () => undefined,
        watch: {
          start: (e) => started.push(e.path),
          stop: () => {
            // Stopped while the engine is still open: its close then ends the watch.
            expect(engine.closed).toBe(false);
            stopped++;
          },
        },
      },
      '/lib',
    );
    expect(await session.openAtStart()).toBe(true);
    expect(started).toEqual(['/lib']);
    await session.close();
    expect(stopped).toBe(1);
    expect(engine.closed).toBe(true);
  });
});
