// One writer per library: an exclusive lock file holding the owner's pid, host and time.
import { hostname } from 'node:os';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError } from '../errors';
import { tempPathFor } from './atomic-write';

interface LockOwner {
  pid: number;
  host: string;
  time: string;
}

export interface LibraryLock {
  readonly path: string;
  release(): Promise<void>;
}

const LOCK_NAME = 'lock';
const ATTEMPTS = 3;

/** Takes `<library>/lock` or throws LOCKED naming the process that holds it. */
export async function acquireLock(libraryDir: string): Promise<LibraryLock> {
  const path = join(libraryDir, LOCK_NAME);
  const owner: LockOwner = { pid: process.pid, host: hostname(), time: new Date().toISOString() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await tryCreate(path, JSON.stringify(owner))) return makeHandle(path);
    const holder = await readOwner(path);
    if (holder === 'missing') continue;
    if (holder !== 'unreadable' && !isStale(holder)) {
      throw new ArchiveError(
        'LOCKED',
        `The library at ${libraryDir} is open in another Archive Reader process (pid ${holder.pid}` +
          `${holder.host === owner.host ? '' : ` on ${holder.host}`}). Close it and try again.`,
      );
    }
    // Moving the stale lock aside (instead of deleting it) means two processes taking it
    // over at once cannot delete each other's fresh lock: only one rename succeeds.
    const aside = `${path}.stale-${process.pid}`;
    try {
      await rename(path, aside);
      await unlink(aside).catch(() => undefined);
    } catch {
      // Someone else moved it first; try again.
    }
  }
  throw new ArchiveError('LOCKED', `Could not take the lock of the library at ${libraryDir}.`);
}

/** Creates the lock with its contents in one step: write a temp file, then hard-link it. */
async function tryCreate(path: string, contents: string): Promise<boolean> {
  const temp = tempPathFor(path);
  await writeFile(temp, contents, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readOwner(path: string): Promise<LockOwner | 'missing' | 'unreadable'> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return 'unreadable';
    return { pid: parsed.pid, host: parsed.host, time: String(parsed.time ?? '') };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/** A lock is stale when its pid no longer runs on this host. Other hosts' locks are trusted. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  return !isProcessAlive(owner.pid);
}

/** True when a process with this pid exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function makeHandle(path: string): LibraryLock {
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      await unlink(path).catch(() => undefined);
    },
  };
}
