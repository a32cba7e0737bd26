// The library lock: one holder at a time, even when several processes take over a stale lock
// at once, and a pid that now belongs to another process does not keep a dead owner's lock.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, parseLockOwner, releaseOwnLock } from '../../../main/core/store/lock';
import { bootId, processStart } from '../../../main/core/store/process-identity';
import { repoRoot } from '../../support/shared-data';
import { tsxLoader } from '../cli/run-cli';
import { tempDir } from './tmp-dir';

const linux = process.platform === 'linux' && existsSync('/proc/self/stat');
const ROUNDS = Number(process.env.LOCK_RACE_ROUNDS ?? 200);
const RACERS = 3;

/** A pid that ran and exited (reused pids are covered by the start-time tests). */
function deadPid(): number {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(dead.stdout.toString());
}

function writeLock(dir: string, owner: Record<string, unknown>, name = 'lock'): void {
  writeFileSync(
    join(dir, name),
    JSON.stringify({ host: hostname(), time: new Date().toISOString(), ...owner }),
  );
}

type Reply = { ready?: true; held?: boolean; code?: string; released?: true };

class Racer {
  private waiting: ((r: Reply) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (m) => this.waiting.shift()?.(m as Reply));
  }
  next(): Promise<Reply> {
    return new Promise((r) => this.waiting.push(r));
  }
  async ask(message: object): Promise<Reply> {
    const reply = this.next();
    this.child.send(message);
    return reply;
  }
}

describe('stale-lock takeover by racing processes', () => {
  const racers: Racer[] = [];

  beforeAll(async () => {
    const script = resolve(repoRoot, 'tests', 'support', 'lock-race-child.ts');
    for (let i = 0; i < RACERS; i++) {
      const child = fork(script, [], {
        execArgv: ['--import', tsxLoader],
        env: { ...process.env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const racer = new Racer(child);
      racers.push(racer);
    }
    await Promise.all(racers.map((r) => r.next()));
  });

  afterAll(() => {
    for (const r of racers) r.child.kill();
  });

  it(`leaves exactly one holder in each of ${ROUNDS} rounds`, async () => {
    const base = tempDir('ar-lock-race-');
    const dead = deadPid();
    const holdersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = mkdtempSync(join(base, 'r'));
      // Dead by pid for any version of the lock; the foreign boot id keeps it stale even if
      // the pid is reused meanwhile.
      writeLock(dir, { pid: dead, boot: 'an-earlier-boot' });
      const replies = await Promise.all(racers.map((r) => r.ask({ go: dir })));
      const holders = racers.filter((_, i) => replies[i]!.held);
      holdersPerRound.push(holders.length);
      for (const reply of replies) if (!reply.held) expect(reply.code).toBe('LOCKED');
      await Promise.all(holders.map((r) => r.ask({ release: true })));
      rmSync(dir, { recursive: true, force: true });
    }
    const bad = holdersPerRound.filter((n) => n !== 1).length;
    expect(`${bad} of ${ROUNDS} rounds without exactly one holder`).toBe(
      `0 of ${ROUNDS} rounds without exactly one holder`,
    );
  });
});

describe('lock owner identity', () => {
  it('records pid, start time, boot and a nonce, and the file parses back', async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir);
    const owner = parseLockOwner(readFileSync(join(dir, 'lock'), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(owner?.nonce).toMatch(/^[0-9a-f]{24}$/);
    if (linux) {
      expect(owner?.start).toBe(processStart(process.pid));
      expect(owner?.boot).toBe(bootId());
    }
    await lock.release();
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it.skipIf(!linux)('takes over a lock whose pid now belongs to a later process', async () => {
    const dir = tempDir();
    // This test's own pid is alive, but the lock says its owner started at another time.
    const start = Number(processStart(process.pid));
    writeLock(dir, { pid: process.pid, start: String(start + 1), boot: bootId() });
    const lock = await acquireLock(dir);
    expect(parseLockOwner(readFileSync(join(dir, 'lock'), 'utf8'))?.start).toBe(String(start));
    await lock.release();
  });

  it.skipIf(!linux)('takes over a lock written during an earlier boot', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid, start: processStart(process.pid), boot: 'other-boot' });
    const lock = await acquireLock(dir);
    await lock.release();
  });

  it.skipIf(!linux)('refuses a lock whose pid and start time match a running process', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid, start: processStart(process.pid), boot: bootId() });
    await expect(acquireLock(dir)).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
  });

  it('still honours locks from older versions (pid, host and time only)', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid });
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'LOCKED' });
    writeLock(dir, { pid: deadPid() });
    const lock = await acquireLock(dir);
    await lock.release();
  });

  it('gets past a takeover whose process died half-way, and clears its claim', async () => {
    const dir = tempDir();
    const dead = deadPid();
    writeLock(dir, { pid: dead, boot: 'x' });
    const { createHash } = await import('node:crypto');
    const key = (name: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex')
        .slice(0, 32);
    // A claimant that died after claiming the stale lock, and one that died superseding it.
    writeLock(dir, { pid: dead, boot: 'x', nonce: 'a' }, `lock.claim-${key('lock')}`);
    const first = `lock.claim-${key('lock')}`;
    writeLock(dir, { pid: dead, boot: 'x', nonce: 'b' }, `lock.claim-${key(first)}`);
    const lock = await acquireLock(dir);
    expect(parseLockOwner(readFileSync(join(dir, 'lock'), 'utf8'))?.pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['lock']);
    await lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('release leaves a lock that is no longer ours', async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir);
    writeLock(dir, { pid: process.pid, nonce: 'someone-else' });
    await lock.release();
    expect(existsSync(join(dir, 'lock'))).toBe(true);
  });

  it('releaseOwnLock frees a lock this process holds (a dead worker thread) and no other', async () => {
    const dir = tempDir();
    await acquireLock(dir);
    expect(await releaseOwnLock(dir)).toBe(true);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
    writeLock(dir, { pid: deadPid() });
    expect(await releaseOwnLock(dir)).toBe(false);
    expect(existsSync(join(dir, 'lock'))).toBe(true);
  });
});

describe('lock files on a folder that cannot be written', () => {
  it('leaves no temp file when the owner file cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ar-lock-'));
    try {
      const missing = join(dir, 'gone');
      await expect(acquireLock(missing)).rejects.toMatchObject({ code: 'IO' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
