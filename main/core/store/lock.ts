// One writer per library: an exclusive lock file naming its owner (pid, process start time,
// boot, host) and a random nonce.
//
// Creating the lock is one link() of a finished temp file, so it is never half-written and only
// one process can create it. Taking over a stale lock is the hard part: "read, judge stale,
// delete" lets a slow process delete the fresh lock another just made. Instead, whoever replaces
// the stale lock whose contents hash to K must first create `lock.claim-K` (again with link(),
// so exactly one process holds it), re-read the lock to prove it still hashes to K, and then
// rename its claim over the lock. While the lock hashes to K nobody else can replace or remove
// it (its owner is dead; the claim is exclusive), and once it no longer does it never will again
// (every lock holds a fresh nonce), so a late claimant sees the change and backs off. A claimant
// that dies mid-takeover leaves a claim with a dead owner, which is superseded the same way
// (`lock.claim-<hash of that claim>`), so a crash at any point never wedges the library.
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { access, link, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { tempPathFor } from './atomic-write';
import { diskFullOr } from './disk-full';
import { isStillRunning, selfIdentity } from './process-identity';

export { isProcessAlive } from './process-identity';

/** What a lock file holds. Locks from older versions have only pid, host and time. */
const lockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  time: z.string(),
  start: z.string().nullable().optional(),
  boot: z.string().nullable().optional(),
  nonce: z.string().optional(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

export interface LibraryLock {
  readonly path: string;
  release(): Promise<void>;
}

/** The lock file's name inside a library folder. */
export const LOCK_NAME = 'lock';
const CLAIM_PREFIX = `${LOCK_NAME}.claim-`;
// Rounds of "create, or judge the holder and take over"; a round ends early only while another
// live process is mid-takeover (microseconds of work), so this bounds waiting to about a second.
const ATTEMPTS = 60;
// Dead claimants chained behind each other; each link is one crash mid-takeover.
const MAX_CHAIN = 8;

/** Takes `<library>/lock` or throws LOCKED naming the process that holds it. */
export async function acquireLock(libraryDir: string): Promise<LibraryLock> {
  const path = join(libraryDir, LOCK_NAME);
  const self = selfIdentity();
  const owner: LockOwner = {
    pid: self.pid,
    host: hostname(),
    time: new Date().toISOString(),
    start: self.start,
    boot: self.boot,
    nonce: randomBytes(12).toString('hex'),
  };
  const temp = new TempOwnerFile(path, JSON.stringify(owner));
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await temp.linkTo(path)) return await holding(libraryDir, path, owner);
      const held = await readLockFile(path);
      if (held === 'missing') continue;
      if (held.owner && !isStale(held.owner)) throw lockedError(libraryDir, held.owner);
      const outcome = await takeOver(libraryDir, path, held, temp, owner);
      if (outcome === 'taken') return await holding(libraryDir, path, owner);
      // Someone alive is taking over, or the lock changed under us: look again shortly.
      await sleep(2 + Math.random() * 8 * Math.min(attempt + 1, 4));
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(
      'IO',
      `Cannot take the lock of the library at ${libraryDir}: ${errorMessage(e)}`,
    );
  } finally {
    await temp.remove();
  }
  throw new ArchiveError(
    'LOCKED',
    `Could not take the lock of the library at ${libraryDir}: another process kept taking it over. Try again.`,
  );
}

/**
 * Removes the lock when this process holds it (any of its threads: they share the pid), e.g.
 * after a worker thread that held it died; returns whether a lock was removed.
 */
export async function releaseOwnLock(libraryDir: string): Promise<boolean> {
  const path = join(libraryDir, LOCK_NAME);
  const held = await readLockFile(path);
  if (held === 'missing' || !held.owner || held.owner.pid !== process.pid) return false;
  const self = selfIdentity();
  if (held.owner.start && self.start && held.owner.start !== self.start) return false;
  if (held.owner.host !== hostname()) return false;
  await unlink(path).catch(ignoreMissing);
  return true;
}

/** Reads and parses a lock file; `owner` is null when its contents are damaged. */
export async function readLockFile(
  path: string,
): Promise<{ raw: Buffer; owner: LockOwner | null } | 'missing'> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return 'missing';
    throw e;
  }
  return { raw, owner: parseLockOwner(raw.toString('utf8')) };
}

/** The owner a lock file's text names; null when it is not a valid lock. */
export function parseLockOwner(text: string): LockOwner | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = lockOwnerSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A lock is stale when its owner no longer runs on this host. Other hosts' locks are trusted. */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  return !isStillRunning(owner);
}

type Outcome = 'taken' | 'retry';

/** Replaces the stale lock `held` by ours through the claim chain described at the top. */
async function takeOver(
  libraryDir: string,
  path: string,
  held: { raw: Buffer },
  temp: TempOwnerFile,
  owner: LockOwner,
): Promise<Outcome> {
  // The files that must still hold what we judged dead: the lock, then any dead claims on it.
  const chain = [{ path, key: keyOf(held.raw) }];
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const claim = join(libraryDir, CLAIM_PREFIX + chain.at(-1)!.key);
    if (await temp.linkTo(claim)) {
      if (!(await chainHolds(chain))) {
        await unlink(claim).catch(ignoreMissing);
        return 'retry';
      }
      await rename(claim, path);
      // The dead claims we superseded are of no use to anyone now.
      for (const dead of chain.slice(1)) await unlink(dead.path).catch(ignoreMissing);
      // Proof of ownership: the lock now holds our nonce.
      const now = await readLockFile(path);
      return now !== 'missing' && now.owner?.nonce === owner.nonce ? 'taken' : 'retry';
    }
    const claimant = await readLockFile(claim);
    // Finished or given up since: the lock itself has changed, or is free to take.
    if (claimant === 'missing') return 'retry';
    // A live process is taking over right now; it will succeed or back off within moments.
    if (claimant.owner && !isStale(claimant.owner)) return 'retry';
    chain.push({ path: claim, key: keyOf(claimant.raw) });
  }
  return 'retry';
}

/** True when every file of the chain still has the contents it was judged by. */
async function chainHolds(chain: { path: string; key: string }[]): Promise<boolean> {
  for (const link of chain) {
    const now = await readLockFile(link.path);
    if (now === 'missing' || keyOf(now.raw) !== link.key) return false;
  }
  return true;
}

/** Names a lock file's exact contents (damaged ones included) for its claim. */
const keyOf = (raw: Buffer): string => createHash('sha256').update(raw).digest('hex').slice(0, 32);

/** Once the lock is ours: clears claims left by takeovers (none can matter any more). */
async function holding(libraryDir: string, path: string, owner: LockOwner): Promise<LibraryLock> {
  let names: string[] = [];
  try {
    names = await readdir(libraryDir);
  } catch {
    // Leftover claims are harmless; failing to list them must not fail the open.
  }
  for (const name of names) {
    // A claim names the lock it would replace; ours is never judged stale, so any claim left is
    // either abandoned or about to see the lock changed. `lock.stale-*` are older versions' leftovers.
    if (name.startsWith(CLAIM_PREFIX) || name.startsWith(`${LOCK_NAME}.stale-`)) {
      await unlink(join(libraryDir, name)).catch(ignoreMissing);
    }
  }
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      // Only our own lock is removed: had it been taken over (it never should), the new
      // holder's lock stays.
      const held = await readLockFile(path).catch(() => 'missing' as const);
      if (held !== 'missing' && held.owner?.nonce === owner.nonce) {
        await unlink(path).catch(ignoreMissing);
      }
    },
  };
}

function lockedError(libraryDir: string, holder: LockOwner): ArchiveError {
  return new ArchiveError(
    'LOCKED',
    `The library at ${libraryDir} is open in another Archive Reader process (pid ${holder.pid}` +
      `${holder.host === hostname() ? '' : ` on ${holder.host}`}). Close it and try again.`,
  );
}

/** Our owner record in a temp file beside the lock, hard-linked to become the lock or a claim. */
class TempOwnerFile {
  private path: string | null = null;

  constructor(
    private readonly beside: string,
    private readonly contents: string,
  ) {}

  /** Links the temp file to `target`; false when `target` exists. */
  async linkTo(target: string): Promise<boolean> {
    for (;;) {
      const temp = this.ensure();
      try {
        await link(temp, target);
        return true;
      } catch (e) {
        if (isErrno(e, 'EEXIST')) return false;
        // The lock holder's open sweeps temp files, ours included: write it again.
        if (isErrno(e, 'ENOENT') && !(await exists(temp))) {
          this.path = null;
          continue;
        }
        throw diskFullOr(e, target);
      }
    }
  }

  /** Deletes the temp file (the lock, if we made it, is another name of the same file). */
  async remove(): Promise<void> {
    if (this.path) await unlink(this.path).catch(ignoreMissing);
    this.path = null;
  }

  private ensure(): string {
    if (this.path) return this.path;
    const temp = tempPathFor(this.beside);
    try {
      // Synchronous: a few bytes, and no other work of ours can interleave with the lock.
      writeFileSync(temp, this.contents, { flag: 'wx' });
    } catch (e) {
      // A failed write (disk full) can leave an empty file behind: never leave it.
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
      throw diskFullOr(e, this.beside);
    }
    this.path = temp;
    return temp;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    // Gone (swept by the lock holder) or out of reach: either way it is written again.
    return false;
  }
}

function ignoreMissing(e: unknown): void {
  if (!isErrno(e, 'ENOENT')) throw e;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
