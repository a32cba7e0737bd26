// The index feed of bulk edits: full batches, a bounded number out at once, overlap with the
// caller, and errors passed on.
import { describe, expect, it } from 'vitest';
import { IndexFeed } from '../../../main/core/library/index-feed';
import type { IndexDoc, SearchIndexApi } from '../../../main/core/search/types';

const doc = (n: number): IndexDoc => ({
  id: n.toString(16).padStart(16, '0'),
  rev: 2,
  title: `Title ${n}`,
  body: `Body ${n}`,
  tags: ['t'],
  place: null,
  language: 'en',
});

/** An index whose updates finish only when the test releases them. */
function heldIndex(fail?: (call: number) => boolean) {
  const calls: IndexDoc[][] = [];
  const waiting: (() => void)[] = [];
  let out = 0;
  let maxOut = 0;
  const index = {
    upsert: async (docs: IndexDoc[]) => {
      const call = calls.push(docs);
      out++;
      maxOut = Math.max(maxOut, out);
      await new Promise<void>((r) => waiting.push(r));
      out--;
      if (fail?.(call)) throw new Error(`update ${call} failed`);
    },
  } as unknown as SearchIndexApi;
  return {
    index: () => Promise.resolve(index),
    calls,
    get out() {
      return out;
    },
    get maxOut() {
      return maxOut;
    },
    releaseOne: () => waiting.shift()?.(),
    releaseAll: () => {
      for (const r of waiting.splice(0)) r();
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('IndexFeed', () => {
  it('sends full batches while the caller goes on, at most `inFlight` at once, the rest at settle', async () => {
    const held = heldIndex();
    const feed = new IndexFeed(held.index, 3, 2);
    // Two batches go out and add() returns without waiting for them: the caller works on.
    await feed.add([doc(1), doc(2), doc(3), doc(4)]);
    await feed.add([doc(5), doc(6), doc(7)]);
    await tick();
    expect(held.calls.map((c) => c.length)).toEqual([3, 3]);
    expect(held.out).toBe(2);
    // A third batch waits until one of the two is done.
    let third = false;
    const adding = feed.add([doc(8), doc(9)]).then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    held.releaseOne();
    await adding;
    expect(held.calls.map((c) => c.length)).toEqual([3, 3, 3]);
    // settle() sends the remainder and resolves only when every update is done.
    let settled = false;
    const settling = feed.settle().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    while (!settled) {
      held.releaseAll();
      await tick();
    }
    await settling;
    expect(held.calls.flat().map((d) => d.title)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Title ${i + 1}`),
    );
    expect(held.calls.map((c) => c.length)).toEqual([3, 3, 3]);
    expect(held.maxOut).toBeLessThanOrEqual(2);
  });

  it('passes a failed update on to the next add and to settle, and sends nothing after it', async () => {
    const held = heldIndex((call) => call === 1);
    const feed = new IndexFeed(held.index, 2, 2);
    await feed.add([doc(1), doc(2)]);
    held.releaseAll();
    await tick();
    await expect(feed.add([doc(3), doc(4)])).rejects.toThrow('update 1 failed');
    expect(held.calls).toHaveLength(1);
    await expect(feed.settle()).rejects.toThrow('update 1 failed');
  });

  it('settles at once with nothing queued', async () => {
    const held = heldIndex();
    await new IndexFeed(held.index).settle();
    expect(held.calls).toEqual([]);
  });
});
