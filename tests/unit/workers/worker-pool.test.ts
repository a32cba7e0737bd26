// The shared worker pool with a small plain-JS worker: answers, failures, a thread that dies
// (exit, out of memory) failing only its own tasks and being replaced, a script that cannot
// load, tasks per thread, and close.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../main/core/workers/worker-pool';
import { tempDir } from '../core/tmp-dir';

type Task =
  { op: 'echo'; value: number; ms?: number } | { op: 'fail' } | { op: 'exit' } | { op: 'oom' };

/** What the test worker answers: the value, its thread, and how many tasks it held. */
interface Answer {
  value: number;
  thread: number;
  held: number;
  /** When the thread started (Date.now() in it). */
  born: number;
}

const WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
let held = 0;
const born = Date.now();
parentPort.on('message', (task) => {
  held++;
  const atStart = held;
  const reply = (msg) => { held--; parentPort.postMessage(msg); };
  if (task.op === 'fail') return reply({ id: task.id, ok: false, error: 'nope' });
  if (task.op === 'exit') process.exit(3);
  if (task.op === 'oom') { const a = []; for (;;) a.push(new Array(100000).fill(a.length)); }
  setTimeout(
    () => reply({ id: task.id, ok: true, value: { value: task.value, thread: threadId, held: atStart, born } }),
    task.ms ?? 0,
  );
});
`;

function script(): string {
  const path = join(tempDir('ar-pool-'), 'test-worker.js');
  writeFileSync(path, WORKER);
  return path;
}

const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) =>
  new WorkerPool<Task, Answer>({ script: script(), name: 'test worker', ...options });

describe('WorkerPool', () => {
  it('warm starts one thread ahead of the tasks, and the first task runs on it', async () => {
    const p = pool({ size: 2 });
    try {
      p.warm();
      p.warm();
      await new Promise((done) => setTimeout(done, 300));
      const asked = Date.now();
      const [first, second] = await Promise.all([
        p.run({ op: 'echo', value: 1, ms: 50 }),
        p.run({ op: 'echo', value: 2, ms: 50 }),
      ]);
      // Started before anything was asked of it; the second task needed a thread of its own.
      expect(first.born).toBeLessThan(asked);
      expect(second.born).toBeGreaterThanOrEqual(asked);
      expect(first.thread).not.toBe(second.thread);
    } finally {
      await p.close();
    }
    // Closed: nothing starts.
    expect(() => p.warm()).not.toThrow();
    await expect(p.run({ op: 'echo', value: 3 })).rejects.toThrow();
  });

  it('answers tasks on at most `size` threads, one task per thread by default', async () => {
    const p = pool({ size: 2 });
    try {
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((value) => p.run({ op: 'echo', value, ms: 30 })),
      );
      expect(answers.map((a) => a.value)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(answers.map((a) => a.thread)).size).toBe(2);
      expect(answers.every((a) => a.held === 1)).toBe(true);
      await expect(p.run({ op: 'fail' })).rejects.toThrow('test worker failed: nope');
    } finally {
      await p.close();
    }
  });

  it('lets a thread hold several tasks when asked', async () => {
    const p = pool({ size: 1, tasksPerWorker: Infinity });
    try {
      const answers = await Promise.all(
        [1, 2, 3].map((value) => p.run({ op: 'echo', value, ms: 200 })),
      );
      expect(new Set(answers.map((a) => a.thread)).size).toBe(1);
      expect(Math.max(...answers.map((a) => a.held))).toBeGreaterThan(1);
    } finally {
      await p.close();
    }
  });

  it('a thread that exits fails only its tasks and is replaced for the next', async () => {
    const p = pool({ size: 2 });
    try {
      await p.run({ op: 'echo', value: 1 });
      const other = p.run({ op: 'echo', value: 2, ms: 300 });
      await expect(p.run({ op: 'exit' })).rejects.toThrow(/test worker stopped: exit code 3/);
      expect((await other).value).toBe(2);
      const next = await p.run({ op: 'echo', value: 3 });
      expect(next.value).toBe(3);
      expect(p.broken).toBe(false);
    } finally {
      await p.close();
    }
  });

  it('a thread past its heap cap dies alone, and the next task works', async () => {
    const p = pool({ heapMb: 32 });
    try {
      await expect(p.run({ op: 'oom' })).rejects.toThrow(/test worker stopped/);
      expect((await p.run({ op: 'echo', value: 7 })).value).toBe(7);
    } finally {
      await p.close();
    }
  });

  it('a script that cannot load marks the pool broken', async () => {
    const p = new WorkerPool<Task, Answer>({
      script: join(tempDir('ar-pool-'), 'missing.js'),
      name: 'test worker',
    });
    try {
      await expect(p.run({ op: 'echo', value: 1 })).rejects.toThrow(/test worker stopped/);
      expect(p.broken).toBe(true);
      await expect(p.run({ op: 'echo', value: 2 })).rejects.toThrow(/cannot start/);
    } finally {
      await p.close();
    }
  });

  it('close fails what runs and what waits, and refuses new tasks', async () => {
    const p = pool({ size: 1 });
    const running = p.run({ op: 'echo', value: 1, ms: 5_000 }).catch((e: unknown) => e);
    const waiting = p.run({ op: 'echo', value: 2 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    expect(String(await running)).toMatch(/pool is closed/);
    expect(String(await waiting)).toMatch(/pool is closed/);
    await expect(p.run({ op: 'echo', value: 3 })).rejects.toThrow(/pool is closed/);
  });

  it('stops a thread left idle for idleMs, and starts one again for the next task', async () => {
    const p = pool({ size: 1, idleMs: 150 });
    try {
      const first = await p.run({ op: 'echo', value: 1 });
      // Busy threads are kept: tasks closer together than idleMs run on the same thread.
      await new Promise((done) => setTimeout(done, 50));
      expect((await p.run({ op: 'echo', value: 2, ms: 200 })).thread).toBe(first.thread);
      await new Promise((done) => setTimeout(done, 50));
      expect((await p.run({ op: 'echo', value: 3 })).thread).toBe(first.thread);
      await new Promise((done) => setTimeout(done, 400));
      const later = await p.run({ op: 'echo', value: 4 });
      expect(later.value).toBe(4);
      expect(later.thread).not.toBe(first.thread);
      expect(later.born).toBeGreaterThan(first.born);
    } finally {
      await p.close();
    }
  });

  it('releaseIdle stops the threads without a task at once, not one at work', async () => {
    const p = pool({ size: 2 });
    try {
      const [a, b] = await Promise.all([
        p.run({ op: 'echo', value: 1, ms: 50 }),
        p.run({ op: 'echo', value: 2, ms: 50 }),
      ]);
      expect(a.thread).not.toBe(b.thread);
      const busy = p.run({ op: 'echo', value: 3, ms: 300 });
      await new Promise((done) => setTimeout(done, 50));
      p.releaseIdle();
      // The thread at work finishes its task; the idle one is gone, so the next starts anew.
      const working = await busy;
      expect([a.thread, b.thread]).toContain(working.thread);
      const next = await Promise.all([
        p.run({ op: 'echo', value: 4, ms: 50 }),
        p.run({ op: 'echo', value: 5, ms: 50 }),
      ]);
      const threads = next.map((n) => n.thread);
      expect(threads).toContain(working.thread);
      const fresh = next.find((n) => n.thread !== working.thread)!;
      expect([a.thread, b.thread]).not.toContain(fresh.thread);
    } finally {
      await p.close();
    }
  });

  it('keeps its threads without idleMs', async () => {
    const p = pool({ size: 1 });
    try {
      const first = await p.run({ op: 'echo', value: 1 });
      await new Promise((done) => setTimeout(done, 400));
      expect((await p.run({ op: 'echo', value: 2 })).thread).toBe(first.thread);
    } finally {
      await p.close();
    }
  });
});
