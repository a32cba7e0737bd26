// Watching for real: chokidar on temp folders, imports through a real library. Files written
// into a watched folder are imported within seconds, once they stop changing; a folder that
// disappears and comes back is watched again; a restart imports only what is new.
import { appendFileSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchBatch, WatchProblem, WatchStatus } from '../../../../main/contract/watch';
import type { LibraryEngine } from '../../../../main/core/engine';
import { FolderWatch, type WatchTiming } from '../../../../main/core/watch/folder-watch';
import { startChokidar, type StartWatcher } from '../../../../main/core/watch/root-watcher';
import { article, openFake } from '../library-helpers';
import { tempDir } from '../tmp-dir';

const FAST: Partial<WatchTiming> = {
  stableMs: 250,
  presenceMs: 200,
  idleMs: 100,
  saveMs: 0,
  statusMs: 20,
};

/** Waits until `check` holds, failing with `what` after the deadline. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Setup {
  engine: LibraryEngine;
  watch: FolderWatch;
  batches: WatchBatch[];
  problems: WatchProblem[];
  statuses: WatchStatus[];
  running: Promise<void>;
  /** Import calls running now, and the most ever at once. */
  imports: { now: number; most: number; files: number[] };
}

const open: Setup[] = [];
const engines: LibraryEngine[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.watch.stop();
    await s.engine.close();
  }
  for (const e of engines.splice(0)) await e.close();
});

/** A library with a FolderWatch over it (as the engine wires it), started. */
async function startWatching(
  libraryDir: string,
  options: { timing?: Partial<WatchTiming>; startWatcher?: StartWatcher; folders?: string[] } = {},
): Promise<Setup> {
  const engine = await openFake(libraryDir);
  const imports = { now: 0, most: 0, files: [] as number[] };
  const watch = new FolderWatch({
    libraryDir,
    timing: { ...FAST, ...options.timing },
    startWatcher: options.startWatcher,
    importFiles: async (paths, signal) => {
      imports.now++;
      imports.most = Math.max(imports.most, imports.now);
      imports.files.push(paths.length);
      try {
        return await engine.importSources(
          paths.map((path) => ({ path })),
          { signal },
        );
      } finally {
        imports.now--;
      }
    },
  });
  for (const f of options.folders ?? []) await watch.add(f);
  const setup: Setup = {
    engine,
    watch,
    batches: [],
    problems: [],
    statuses: [],
    imports,
    running: Promise.resolve(),
  };
  setup.running = watch.watch({
    onBatch: (b) => setup.batches.push(b),
    onProblem: (p) => setup.problems.push(p),
    onStatus: (s) => setup.statuses.push(s),
  });
  open.push(setup);
  await until('the folders are watched', async () => {
    const s = await watch.status();
    return s.watching === s.folders && !s.catchingUp;
  });
  return setup;
}

const titles = async (engine: LibraryEngine) =>
  (await engine.list({ limit: 1000 })).items.map((a) => a.title).sort();

/** Articles the reported batches imported. */
const importedIn = (s: Setup) => s.batches.reduce((n, b) => n + b.imported, 0);

const total = async (engine: LibraryEngine) => (await engine.list({ limit: 1 })).total;

describe('watching folders', () => {
  it('imports article files written into a watched folder within seconds, and nothing else', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const s = await startWatching(join(base, 'lib'), { folders: [inbox] });
    const started = Date.now();
    writeFileSync(join(inbox, 'harbour.txt'), article(1, 'Harbour lanterns glow'));
    mkdirSync(join(inbox, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(inbox, 'sub', 'deeper', 'meadow.md'), article(2, 'Festival in the meadow'));
    writeFileSync(join(inbox, 'photo.jpg'), 'not an article');
    writeFileSync(join(inbox, '.draft.txt'), article(3, 'A hidden draft'));
    mkdirSync(join(inbox, '.git'));
    writeFileSync(join(inbox, '.git', 'note.txt'), article(4, 'Inside a hidden folder'));
    // Articles are listed as each chunk is stored; the batch is reported once it is whole.
    await until('both articles are imported', async () => (await total(s.engine)) === 2);
    await until('the batches are reported', () => importedIn(s) === 2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await titles(s.engine)).toEqual(['Festival in the meadow', 'Harbour lanterns glow']);
    expect(importedIn(s)).toBe(2);
    expect(s.batches[0]!.folder).toBe(inbox);
    const status = await s.watch.status();
    expect(status).toMatchObject({ running: true, folders: 1, watching: 1, importedSinceStart: 2 });
    expect(status.lastBatch?.titles.length).toBeGreaterThan(0);
  });

  it('waits until a file stops changing before importing it', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const s = await startWatching(join(base, 'lib'), {
      folders: [inbox],
      timing: { stableMs: 600 },
    });
    const path = join(inbox, 'growing.txt');
    writeFileSync(path, 'A story written slowly\n\nThe first part of the body arrives.\n');
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 200));
      appendFileSync(path, `\nPart ${i + 2} of the body, still being written.\n`);
    }
    await until('the story is imported', async () => (await total(s.engine)) === 1);
    await new Promise((r) => setTimeout(r, 800));
    const page = await s.engine.list({ limit: 10 });
    expect(page.total).toBe(1);
    const view = await s.engine.get(page.items[0]!.id);
    expect(view.body).toContain('Part 5 of the body');
  });

  it('imports a changed file as a new article, and keeps articles whose files are deleted', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const s = await startWatching(join(base, 'lib'), { folders: [inbox] });
    const path = join(inbox, 'story.txt');
    writeFileSync(path, article(5, 'Copper prices rise'));
    await until('the first text is imported', async () => (await total(s.engine)) === 1);
    writeFileSync(path, article(5, 'Copper prices rise') + '\n\nAn update added at noon.');
    await until('the new text is imported', async () => (await total(s.engine)) === 2);
    unlinkSync(path);
    await new Promise((r) => setTimeout(r, 500));
    expect(await total(s.engine)).toBe(2);
  });

  it('watches a folder again after it disappears and comes back', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const s = await startWatching(join(base, 'lib'), { folders: [inbox] });
    writeFileSync(join(inbox, 'one.txt'), article(6, 'Before the folder went away'));
    await until('the first file is imported', async () => (await total(s.engine)) === 1);
    rmSync(inbox, { recursive: true });
    await until('the folder is reported missing', async () => {
      const list = await s.watch.list();
      return !list.folders[0]!.present && list.folders[0]!.problem !== null;
    });
    expect(s.problems.some((p) => p.path === inbox)).toBe(true);
    expect((await s.watch.status()).watching).toBe(0);
    mkdirSync(join(inbox, 'new'), { recursive: true });
    writeFileSync(join(inbox, 'new', 'two.txt'), article(7, 'After the folder came back'));
    await until(
      'the file in the new folder is imported',
      async () => (await total(s.engine)) === 2,
    );
    writeFileSync(join(inbox, 'three.txt'), article(8, 'Written while watched again'));
    await until('a later file is imported too', async () => (await total(s.engine)) === 3);
    const list = await s.watch.list();
    expect(list.folders[0]).toMatchObject({ present: true, watching: true, problem: null });
  });

  it('imports nothing twice after a restart, and catches up with files added meanwhile', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    const lib = join(base, 'lib');
    mkdirSync(inbox);
    // Files there before the folder was ever watched are imported when watching starts.
    writeFileSync(join(inbox, 'old.txt'), article(9, 'Already there'));
    let s = await startWatching(lib, { folders: [inbox] });
    await until('the file already there is imported', async () => (await total(s.engine)) === 1);
    writeFileSync(join(inbox, 'live.txt'), article(10, 'Written while watched'));
    await until('the new file is imported', async () => (await total(s.engine)) === 2);
    await s.watch.stop();
    await s.running;
    await s.engine.close();
    open.splice(open.indexOf(s), 1);

    writeFileSync(join(inbox, 'offline.txt'), article(11, 'Written while nothing watched'));
    s = await startWatching(lib);
    await until(
      'the file written meanwhile is imported',
      async () => (await total(s.engine)) === 3,
    );
    await until('its batch is reported', () => importedIn(s) === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await total(s.engine)).toBe(3);
    // Only the new file went to the import: the others were known by size and time.
    expect(s.batches.reduce((n, b) => n + b.files, 0)).toBe(1);
    expect(s.batches.reduce((n, b) => n + b.duplicates, 0)).toBe(0);
  });

  it('keeps few files pending and runs one import at a time when hundreds arrive at once', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const s = await startWatching(join(base, 'lib'), {
      folders: [inbox],
      timing: { capacity: 40, batchSize: 16 },
    });
    const n = 400;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(inbox, `s${i}.txt`), `Story ${i} arrives\n\nThe body of story ${i}.\n`);
    }
    await until('every file is imported', () => importedIn(s) === n, 30_000);
    expect(await total(s.engine)).toBe(n);
    expect(s.imports.most).toBe(1);
    expect(Math.max(...s.imports.files)).toBeLessThanOrEqual(16);
    expect(Math.max(...s.statuses.map((st) => st.pending))).toBeLessThanOrEqual(40);
  });

  it('reports a problem the watcher meets and goes on watching', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    // Tests run as root here, where a folder without permissions is still readable: the
    // watcher's own error (what chokidar reports for EACCES) stands in for it.
    const refusing: StartWatcher = (root, events, ignore) => {
      const real = startChokidar(root, events, ignore);
      void real.ready.then(() =>
        events.problem(join(root, 'locked'), "EACCES: permission denied, scandir 'locked'"),
      );
      return real;
    };
    const s = await startWatching(join(base, 'lib'), { folders: [inbox], startWatcher: refusing });
    await until('the problem is reported', () => s.problems.length > 0);
    expect((await s.watch.status()).problems[0]).toMatchObject({
      path: join(inbox, 'locked'),
      message: expect.stringContaining('EACCES'),
    });
    writeFileSync(join(inbox, 'fine.txt'), article(12, 'Imported all the same'));
    await until('a file is still imported', async () => (await total(s.engine)) === 1);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable subfolder and imports the rest',
    async () => {
      const base = tempDir('ar-watch-');
      const inbox = join(base, 'inbox');
      mkdirSync(join(inbox, 'locked'), { recursive: true });
      writeFileSync(join(inbox, 'locked', 'secret.txt'), article(13, 'Locked away'));
      writeFileSync(join(inbox, 'open.txt'), article(14, 'Out in the open'));
      const { chmodSync } = await import('node:fs');
      chmodSync(join(inbox, 'locked'), 0);
      try {
        const s = await startWatching(join(base, 'lib'), { folders: [inbox] });
        await until('the readable file is imported', async () => (await total(s.engine)) === 1);
        await until('the locked folder is reported', () =>
          s.problems.some((p) => p.path.startsWith(join(inbox, 'locked'))),
        );
      } finally {
        chmodSync(join(inbox, 'locked'), 0o755);
      }
    },
  );
});

describe('the watched-folder list', () => {
  it('stores absolute paths of existing folders and refuses the rest with clear errors', async () => {
    const base = tempDir('ar-watch-');
    const lib = join(base, 'lib');
    const engine = await openFake(lib);
    engines.push(engine);
    mkdirSync(join(base, 'a', 'inner'), { recursive: true });
    writeFileSync(join(base, 'file.txt'), 'x');
    const list = await engine.addWatchedFolder({ path: join(base, 'a') });
    expect(list.folders).toEqual([
      expect.objectContaining({
        path: join(base, 'a'),
        present: true,
        watching: false,
        problem: null,
      }),
    ]);
    // Adding it again changes nothing.
    expect((await engine.addWatchedFolder({ path: join(base, 'a', '.') })).folders).toHaveLength(1);
    await expect(engine.addWatchedFolder({ path: join(base, 'nope') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(engine.addWatchedFolder({ path: join(base, 'file.txt') })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(engine.addWatchedFolder({ path: 'relative/dir' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(engine.addWatchedFolder({ path: join(base, 'a', 'inner') })).rejects.toMatchObject(
      { code: 'BAD_ARGUMENT', message: expect.stringContaining('inside the watched folder') },
    );
    await expect(engine.addWatchedFolder({ path: lib })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(engine.addWatchedFolder({ path: base })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    rmSync(join(base, 'a'), { recursive: true });
    expect((await engine.listWatchedFolders()).folders[0]).toMatchObject({
      present: false,
      problem: expect.stringContaining('missing'),
    });
    expect((await engine.removeWatchedFolder({ path: join(base, 'a') })).folders).toEqual([]);
    await expect(engine.removeWatchedFolder({ path: join(base, 'a') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('is watched by the engine itself until it closes, starting on a folder added meanwhile', async () => {
    const base = tempDir('ar-watch-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'waiting.txt'), article(15, 'Waiting to be imported'));
    const engine = await openFake(join(base, 'lib'));
    engines.push(engine);
    const statuses: WatchStatus[] = [];
    const running = engine.watchFolders({ onStatus: (st) => statuses.push(st) });
    await expect(engine.watchFolders()).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await engine.addWatchedFolder({ path: inbox });
    await until('the waiting file is imported', async () => (await total(engine)) === 1, 8000);
    expect((await engine.watchStatus()).running).toBe(true);
    await engine.close();
    await running;
    expect(statuses.at(-1)).toMatchObject({ running: false, importedSinceStart: 1 });
  });
});
