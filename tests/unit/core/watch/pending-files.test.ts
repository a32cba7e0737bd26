// Files wait until they stop changing, then queue for import in order, each path once.
import { describe, expect, it } from 'vitest';
import { ImportQueue } from '../../../../main/core/watch/import-queue';
import type { FileStamp } from '../../../../main/core/watch/seen-files';
import { StabilityTracker } from '../../../../main/core/watch/stability-tracker';

/** A fake file system of stamps the test changes between looks. */
function files(initial: Record<string, FileStamp>) {
  const stamps = new Map(Object.entries(initial));
  let looks = 0;
  return {
    set: (path: string, stamp: FileStamp | null) =>
      stamp ? stamps.set(path, stamp) : stamps.delete(path),
    stampOf: async (path: string) => {
      looks++;
      return stamps.get(path) ?? null;
    },
    get looks() {
      return looks;
    },
  };
}

describe('StabilityTracker', () => {
  it('settles a file once two looks a wait apart see the same size and time', async () => {
    const fs = files({ '/w/a.txt': { size: 5, mtimeMs: 100 } });
    const t = new StabilityTracker(1000);
    t.note('/w/a.txt', '/w', { size: 5, mtimeMs: 100 }, 0);
    expect(t.nextDueIn(0)).toBe(1000);
    expect(await t.check(999, fs.stampOf)).toEqual([]);
    expect(fs.looks).toBe(0);
    expect(await t.check(1000, fs.stampOf)).toEqual([
      { path: '/w/a.txt', root: '/w', stamp: { size: 5, mtimeMs: 100 } },
    ]);
    expect(t.size).toBe(0);
  });

  it('keeps a file that is still growing, and settles it once it stops', async () => {
    const fs = files({ '/w/a.txt': { size: 5, mtimeMs: 100 } });
    const t = new StabilityTracker(1000);
    t.note('/w/a.txt', '/w', null, 0);
    // The first look only learns the stamp.
    expect(await t.check(1000, fs.stampOf)).toEqual([]);
    fs.set('/w/a.txt', { size: 9, mtimeMs: 150 });
    expect(await t.check(2000, fs.stampOf)).toEqual([]);
    expect(await t.check(2999, fs.stampOf)).toEqual([]);
    const settled = await t.check(3000, fs.stampOf);
    expect(settled.map((s) => s.stamp)).toEqual([{ size: 9, mtimeMs: 150 }]);
  });

  it('starts the wait over when a file is written to again, and drops files that are gone', async () => {
    const fs = files({ '/w/a.txt': { size: 1, mtimeMs: 1 }, '/w/b.txt': { size: 1, mtimeMs: 1 } });
    const t = new StabilityTracker(1000);
    t.note('/w/a.txt', '/w', { size: 1, mtimeMs: 1 }, 0);
    t.note('/w/b.txt', '/w', { size: 1, mtimeMs: 1 }, 0);
    t.note('/w/a.txt', '/w', { size: 1, mtimeMs: 1 }, 800);
    fs.set('/w/b.txt', null);
    expect(await t.check(1000, fs.stampOf)).toEqual([]);
    expect(t.size).toBe(1);
    expect((await t.check(1800, fs.stampOf)).map((s) => s.path)).toEqual(['/w/a.txt']);
  });

  it('forgets the files of a removed folder', () => {
    const t = new StabilityTracker(1000);
    t.note('/w/a.txt', '/w', null, 0);
    t.note('/v/b.txt', '/v', null, 0);
    t.dropRoot('/w');
    expect(t.has('/w/a.txt')).toBe(false);
    expect(t.has('/v/b.txt')).toBe(true);
  });
});

describe('ImportQueue', () => {
  const file = (path: string, size = 1) => ({ path, root: '/w', stamp: { size, mtimeMs: 1 } });

  it('hands out files oldest first in batches, each path once with its newest stamp', () => {
    const q = new ImportQueue();
    q.push(file('/w/1.txt'));
    q.push(file('/w/2.txt'));
    q.push(file('/w/3.txt'));
    q.push(file('/w/1.txt', 7));
    expect(q.size).toBe(3);
    expect(q.take(2)).toEqual([file('/w/1.txt', 7), file('/w/2.txt')]);
    expect(q.take(2)).toEqual([file('/w/3.txt')]);
    expect(q.take(2)).toEqual([]);
  });

  it('forgets the files of a removed folder', () => {
    const q = new ImportQueue();
    q.push(file('/w/1.txt'));
    q.push({ ...file('/v/2.txt'), root: '/v' });
    q.dropRoot('/w');
    expect(q.take(10).map((f) => f.path)).toEqual(['/v/2.txt']);
  });
});
