// Watched folders of one library: the stored list, and, while watching runs, one watcher per
// folder feeding a bounded set of pending files that are imported one batch at a time through
// the library's own import. Catches up on start (files added while nothing watched), survives
// folders that disappear and come back, and reports problems without stopping.
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { errorMessage } from '../../contract/error-message';
import type { ImportSummary } from '../../contract/types';
import type { WatchList, WatchProblem, WatchStatus, WatchedFolder } from '../../contract/watch';
import type { WatchRunOptions } from '../engine';
import { isErrno } from '../errno';
import { ArchiveError, isArchiveError } from '../errors';
import { scanFolder, stampOf } from './folder-scan';
import { ImportQueue } from './import-queue';
import { startChokidar, type RootWatcher, type StartWatcher } from './root-watcher';
import { isUnder, SeenFiles } from './seen-files';
import { StabilityTracker } from './stability-tracker';
import { handledPaths, summariseBatch } from './watch-batch';
import { WatchListStore, type StoredFolder } from './watch-list-store';
import { WatchStatusBoard } from './watch-status';

/** How watching paces itself; tests shorten the waits. */
export interface WatchTiming {
  /** A file must keep its size and time this long before it is imported. */
  stableMs: number;
  /** How often each folder is checked for being there (gone, back, replaced). */
  presenceMs: number;
  /** Longest sleep of the loop when nothing is due. */
  idleMs: number;
  /** Files waiting at most (settling plus queued); more events mean a rescan later. */
  capacity: number;
  /** Files one import batch takes at most. */
  batchSize: number;
  /** Least time between two saves of the seen-file stamps. */
  saveMs: number;
  /** Least time between two status reports. */
  statusMs: number;
  /** Longest wait for a new watcher to be ready before its folder is scanned anyway. */
  readyMs: number;
}

export const DEFAULT_WATCH_TIMING: WatchTiming = {
  stableMs: 1000,
  presenceMs: 2000,
  idleMs: 1000,
  capacity: 2048,
  batchSize: 256,
  saveMs: 2000,
  statusMs: 200,
  readyMs: 10_000,
};

export interface FolderWatchDeps {
  libraryDir: string;
  /** Imports files through the library's import; aborting stops after the file in hand. */
  importFiles(paths: string[], signal: AbortSignal): Promise<ImportSummary>;
  startWatcher?: StartWatcher;
  timing?: Partial<WatchTiming>;
}

interface Root {
  path: string;
  addedAt: string;
  watcher: RootWatcher | null;
  present: boolean;
  /** Device and inode of the folder, to notice one replaced by another of the same name. */
  identity: string | null;
  problem: string | null;
  needsScan: boolean;
  scanning: boolean;
}

interface Run {
  signal: AbortSignal;
  controller: AbortController;
  options: WatchRunOptions;
  roots: Map<string, Root>;
  scans: Set<Promise<void>>;
  wake: (() => void) | null;
  roomWaiters: (() => void)[];
  presenceTimer: ReturnType<typeof setInterval> | null;
  statusTimer: ReturnType<typeof setTimeout> | null;
  lastSave: number;
  done: Promise<void>;
}

const MISSING = 'the folder is missing (moved, deleted or not mounted)';

/** The watched folders of one library, and watching them. */
export class FolderWatch {
  private readonly store: WatchListStore;
  private readonly seen: SeenFiles;
  private readonly timing: WatchTiming;
  private readonly startWatcher: StartWatcher;
  private readonly tracker: StabilityTracker;
  private readonly queue = new ImportQueue();
  private readonly board = new WatchStatusBoard();
  private run: Run | null = null;
  private folderCount = 0;

  constructor(private readonly deps: FolderWatchDeps) {
    this.store = new WatchListStore(deps.libraryDir);
    this.seen = new SeenFiles(deps.libraryDir);
    this.timing = { ...DEFAULT_WATCH_TIMING, ...deps.timing };
    this.startWatcher = deps.startWatcher ?? startChokidar;
    this.tracker = new StabilityTracker(this.timing.stableMs);
  }

  /** Every watched folder, with whether it is there and watched now. */
  async list(): Promise<WatchList> {
    const stored = await this.store.load();
    this.folderCount = stored.length;
    const folders: WatchedFolder[] = [];
    for (const f of stored) {
      const root = this.run?.roots.get(f.path);
      if (root) {
        folders.push({
          path: f.path,
          addedAt: f.addedAt,
          present: root.present,
          watching: root.present && root.watcher !== null,
          problem: root.problem,
        });
      } else {
        const present = await isFolder(f.path);
        folders.push({
          path: f.path,
          addedAt: f.addedAt,
          present,
          watching: false,
          problem: present ? null : MISSING,
        });
      }
    }
    return { folders };
  }

  /**
   * Adds a folder (an absolute path to an existing folder, not inside the library or another
   * watched folder); adding one already watched changes nothing. A running watch starts on it
   * at once, importing what it holds.
   */
  async add(path: string): Promise<WatchList> {
    const folder = checkAbsolute(path);
    const info = await stat(folder).catch((e: unknown) => {
      if (isErrno(e, ['ENOENT', 'ENOTDIR'])) {
        throw new ArchiveError('NOT_FOUND', `There is no folder at ${folder}.`);
      }
      throw new ArchiveError('IO', `Cannot read ${folder}: ${errorMessage(e)}`);
    });
    if (!info.isDirectory()) {
      throw new ArchiveError('BAD_ARGUMENT', `${folder} is a file, not a folder.`);
    }
    const library = resolve(this.deps.libraryDir);
    if (isUnder(folder, library) || isUnder(library, folder)) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `${folder} holds the library or lies inside it; watch a folder apart from the library.`,
      );
    }
    const stored = await this.store.load();
    if (stored.some((f) => f.path === folder)) return this.list();
    const overlap = stored.find((f) => isUnder(folder, f.path) || isUnder(f.path, folder));
    if (overlap) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        isUnder(folder, overlap.path)
          ? `${folder} is inside the watched folder ${overlap.path}.`
          : `${folder} holds the watched folder ${overlap.path}; remove that one first.`,
      );
    }
    const added: StoredFolder = { path: folder, addedAt: new Date().toISOString() };
    await this.store.save([...stored, added]);
    if (this.run) this.attach(this.run, added);
    return this.list();
  }

  /** Stops watching a folder and forgets it; its articles stay in the library. */
  async remove(path: string): Promise<WatchList> {
    const folder = checkAbsolute(path);
    const stored = await this.store.load();
    if (!stored.some((f) => f.path === folder)) {
      throw new ArchiveError('NOT_FOUND', `${folder} is not a watched folder.`);
    }
    await this.store.save(stored.filter((f) => f.path !== folder));
    const run = this.run;
    if (run) {
      await this.detach(run, folder);
    } else {
      await this.seen.load();
    }
    this.seen.forgetUnder(folder);
    await this.seen.save();
    return this.list();
  }

  /** The watcher's status (not running: the folder count only). */
  async status(): Promise<WatchStatus> {
    if (!this.run) this.folderCount = (await this.store.load()).length;
    return this.currentStatus();
  }

  /**
   * Watches every listed folder until the signal aborts or `stop()` is called: first imports
   * what was added while nothing watched, then new and changed files as they settle.
   */
  watch(options: WatchRunOptions = {}): Promise<void> {
    if (this.run) {
      return Promise.reject(
        new ArchiveError('BAD_ARGUMENT', 'The watched folders are already being watched.'),
      );
    }
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const run: Run = {
      signal,
      controller,
      options,
      roots: new Map(),
      scans: new Set(),
      wake: null,
      roomWaiters: [],
      presenceTimer: null,
      statusTimer: null,
      lastSave: Date.now(),
      done: Promise.resolve(),
    };
    this.run = run;
    this.board.reset();
    run.done = this.runLoop(run);
    return run.done;
  }

  /** Stops a running watch after the batch in hand; resolves once it has stopped. */
  async stop(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.controller.abort();
    await run.done.catch(() => undefined);
  }

  private async runLoop(run: Run): Promise<void> {
    const { signal } = run;
    const onAbort = () => this.wakeUp(run);
    signal.addEventListener('abort', onAbort);
    try {
      await this.seen.load();
      const stored = await this.store.load();
      this.folderCount = stored.length;
      for (const f of stored) this.attach(run, f);
      run.presenceTimer = setInterval(() => void this.checkPresence(run), this.timing.presenceMs);
      this.reportStatus(run);
      while (!signal.aborted) {
        const settled = await this.tracker.check(Date.now(), stampOf);
        for (const f of settled) if (!this.seen.matches(f.path, f.stamp)) this.queue.push(f);
        if (this.queue.size > 0) {
          await this.importBatch(run);
          continue;
        }
        this.freeRoom(run);
        this.startScans(run);
        this.reportStatus(run);
        const due = this.tracker.nextDueIn(Date.now()) ?? this.timing.idleMs;
        await this.sleep(run, Math.min(due, this.timing.idleMs));
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      await this.finish(run);
    }
  }

  /** Ends a run: watchers closed, scans finished, stamps saved, nothing left pending. */
  private async finish(run: Run): Promise<void> {
    run.controller.abort();
    if (run.presenceTimer) clearInterval(run.presenceTimer);
    if (run.statusTimer) clearTimeout(run.statusTimer);
    this.freeRoom(run, true);
    await Promise.all([...run.roots.values()].map((r) => this.closeWatcher(r)));
    await Promise.all(run.scans);
    for (const root of run.roots.keys()) {
      this.tracker.dropRoot(root);
      this.queue.dropRoot(root);
    }
    this.run = null;
    try {
      await this.seen.save();
    } catch (e) {
      // Only a cache: the next run reads the files again and the import refuses duplicates.
      this.noteProblem(
        run,
        this.deps.libraryDir,
        `cannot save ${this.seen.file}: ${errorMessage(e)}`,
      );
    }
    run.options.onStatus?.(this.currentStatus());
  }

  private async importBatch(run: Run): Promise<void> {
    const batch = this.queue.take(this.timing.batchSize);
    this.freeRoom(run);
    const folder = batch[0]!.root;
    let summary: ImportSummary;
    try {
      summary = await this.deps.importFiles(
        batch.map((f) => f.path),
        run.signal,
      );
    } catch (e) {
      if (run.signal.aborted) return;
      this.noteProblem(run, folder, `the import stopped: ${errorMessage(e)}`);
      // A full disk or a closed library fails every batch alike: wait before the next try,
      // and let a later scan find these files again.
      for (const f of batch) {
        const root = run.roots.get(f.root);
        if (root) root.needsScan = true;
      }
      if (isArchiveError(e)) await this.sleep(run, this.timing.idleMs * 5, true);
      return;
    }
    const handled = handledPaths(summary);
    for (const f of batch) if (handled.has(f.path)) this.seen.record(f.path, f.stamp);
    const done = summariseBatch(summary, folder, batch.length, new Date());
    this.board.batch(done);
    run.options.onBatch?.(done);
    if (Date.now() - run.lastSave >= this.timing.saveMs) {
      run.lastSave = Date.now();
      await this.seen
        .save()
        .catch((e: unknown) =>
          this.noteProblem(
            run,
            this.deps.libraryDir,
            `cannot save ${this.seen.file}: ${errorMessage(e)}`,
          ),
        );
    }
    this.reportStatus(run, true);
  }

  /** Adds a folder to a running watch. */
  private attach(run: Run, folder: StoredFolder): void {
    const root: Root = {
      path: folder.path,
      addedAt: folder.addedAt,
      watcher: null,
      present: false,
      identity: null,
      problem: null,
      needsScan: false,
      scanning: false,
    };
    run.roots.set(root.path, root);
    void this.checkRoot(run, root);
  }

  /** Takes a folder out of a running watch. */
  private async detach(run: Run, path: string): Promise<void> {
    const root = run.roots.get(path);
    if (!root) return;
    run.roots.delete(path);
    await this.closeWatcher(root);
    this.tracker.dropRoot(path);
    this.queue.dropRoot(path);
    this.board.clearProblems((p) => isUnder(p, path));
    this.freeRoom(run);
    this.reportStatus(run);
  }

  private async checkPresence(run: Run): Promise<void> {
    await Promise.all([...run.roots.values()].map((root) => this.checkRoot(run, root)));
  }

  /** Notices a folder that is gone, back, or replaced, and starts or stops its watcher. */
  private async checkRoot(run: Run, root: Root): Promise<void> {
    if (run.signal.aborted) return;
    let identity: string | null = null;
    let problem: string | null = null;
    try {
      const info = await stat(root.path);
      if (info.isDirectory()) identity = `${info.dev}:${info.ino}`;
      else problem = 'it is no longer a folder';
    } catch (e) {
      problem = isErrno(e, ['ENOENT', 'ENOTDIR'])
        ? MISSING
        : `cannot read the folder: ${errorMessage(e)}`;
    }
    if (run.signal.aborted || run.roots.get(root.path) !== root) return;
    if (identity === null) {
      if (root.present || root.problem === null) {
        root.present = false;
        root.identity = null;
        root.problem = problem;
        await this.closeWatcher(root);
        this.noteProblem(run, root.path, problem ?? MISSING);
      }
      return;
    }
    if (root.present && root.identity === identity && root.watcher) return;
    const back = !root.present && root.problem !== null;
    root.present = true;
    root.identity = identity;
    root.problem = null;
    if (back) this.board.clearProblems((p) => p === root.path);
    await this.closeWatcher(root);
    await this.openWatcher(run, root);
  }

  private async openWatcher(run: Run, root: Root): Promise<void> {
    const watcher = this.startWatcher(
      root.path,
      {
        file: (path, stamp) => this.onFile(run, root, path, stamp),
        problem: (path, message) => this.noteProblem(run, path, message),
      },
      (path) => isUnder(path, this.deps.libraryDir),
    );
    root.watcher = watcher;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      watcher.ready,
      new Promise<void>((r) => (timer = setTimeout(r, this.timing.readyMs))),
    ]).catch(() => undefined);
    clearTimeout(timer);
    if (run.signal.aborted || root.watcher !== watcher) return;
    // Watching first, then the scan: a file written in between is seen by one or the other.
    root.needsScan = true;
    this.wakeUp(run);
  }

  private async closeWatcher(root: Root): Promise<void> {
    const watcher = root.watcher;
    root.watcher = null;
    await watcher?.close().catch(() => undefined);
  }

  private onFile(
    run: Run,
    root: Root,
    path: string,
    stamp: { size: number; mtimeMs: number } | null,
  ) {
    if (run.signal.aborted || run.roots.get(root.path) !== root) return;
    if (stamp && this.seen.matches(path, stamp)) return;
    if (!this.tracker.has(path) && this.pending() >= this.timing.capacity) {
      // Full: the folder is scanned again once there is room, which finds this file too.
      root.needsScan = true;
      return;
    }
    const wasIdle = this.tracker.size === 0;
    this.tracker.note(path, root.path, stamp, Date.now());
    if (wasIdle) this.wakeUp(run);
    this.reportStatus(run);
  }

  private startScans(run: Run): void {
    for (const root of run.roots.values()) {
      if (!root.needsScan || root.scanning || !root.present || !root.watcher) continue;
      root.needsScan = false;
      root.scanning = true;
      const task = this.scan(run, root).finally(() => {
        root.scanning = false;
        run.scans.delete(task);
        this.reportStatus(run);
      });
      run.scans.add(task);
    }
  }

  /** Offers every unseen article file of a folder; forgets stamps of files no longer there. */
  private async scan(run: Run, root: Root): Promise<void> {
    const found = new Set<string>();
    let problems = 0;
    const files = scanFolder(
      root.path,
      (p) => {
        problems++;
        this.noteProblem(run, p.path, p.message);
      },
      (path) => isUnder(path, this.deps.libraryDir),
    );
    for await (const file of files) {
      if (run.signal.aborted || run.roots.get(root.path) !== root) return;
      found.add(file.path);
      if (this.seen.matches(file.path, file.stamp) || this.tracker.has(file.path)) continue;
      await this.room(run);
      if (run.signal.aborted) return;
      if (Date.now() - file.stamp.mtimeMs >= this.timing.stableMs) {
        this.queue.push({ path: file.path, root: root.path, stamp: file.stamp });
      } else {
        this.tracker.note(file.path, root.path, file.stamp, Date.now());
      }
      this.wakeUp(run);
    }
    // A folder that could not be read in full keeps its stamps: those files may be back.
    if (problems === 0) this.seen.forgetUnder(root.path, (path) => found.has(path));
  }

  private pending(): number {
    return this.tracker.size + this.queue.size;
  }

  /** Resolves once fewer files than the capacity are pending (or the run ends). */
  private room(run: Run): Promise<void> {
    if (this.pending() < this.timing.capacity || run.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => run.roomWaiters.push(resolve));
  }

  private freeRoom(run: Run, all = false): void {
    while (run.roomWaiters.length > 0 && (all || this.pending() < this.timing.capacity)) {
      run.roomWaiters.shift()!();
    }
  }

  /** Waits `ms` or until woken; at once while files are queued, unless `pause`. */
  private sleep(run: Run, ms: number, pause = false): Promise<void> {
    if (run.signal.aborted || (!pause && this.queue.size > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        run.wake = null;
        resolve();
      }
      run.wake = done;
    });
  }

  private wakeUp(run: Run): void {
    run.wake?.();
  }

  private noteProblem(run: Run, path: string, message: string): void {
    const problem: WatchProblem = { path, message, at: new Date().toISOString() };
    this.board.problem(problem);
    const root = run.roots.get(path);
    if (root && root.present) root.problem = message;
    run.options.onProblem?.(problem);
    this.reportStatus(run);
  }

  /** Reports the status, at most once per statusMs unless `now`. */
  private reportStatus(run: Run, now = false): void {
    if (!run.options.onStatus || this.run !== run) return;
    if (now) {
      if (run.statusTimer) clearTimeout(run.statusTimer);
      run.statusTimer = null;
      run.options.onStatus(this.currentStatus());
      return;
    }
    run.statusTimer ??= setTimeout(() => {
      run.statusTimer = null;
      if (this.run === run) run.options.onStatus?.(this.currentStatus());
    }, this.timing.statusMs);
  }

  private currentStatus(): WatchStatus {
    const run = this.run;
    const roots = run ? [...run.roots.values()] : [];
    return this.board.status({
      running: run !== null,
      folders: run ? roots.length : this.folderCount,
      watching: roots.filter((r) => r.present && r.watcher !== null).length,
      catchingUp: roots.some((r) => r.scanning || r.needsScan),
      pending: this.pending(),
    });
  }
}

/** The absolute, normalised path; BAD_ARGUMENT for a relative one. */
function checkAbsolute(path: string): string {
  if (typeof path !== 'string' || !isAbsolute(path)) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `A watched folder must be an absolute path, not ${String(path)}.`,
    );
  }
  return resolve(path);
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
