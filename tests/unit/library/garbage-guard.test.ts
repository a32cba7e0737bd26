// The garbage guard collects once the heap (with the buffers its objects hold outside it) has
// grown past its slack, and not before.
import { describe, expect, it } from 'vitest';
import { GarbageGuard } from '../../../main/core/library/garbage-guard';

const MB = 1024 * 1024;

/** About `mb` MB of objects, held until the caller lets go of them. */
function objects(mb: number): number[][][] {
  const held: number[][][] = [];
  // 256 arrays of 512 numbers (8 bytes each) make about a megabyte.
  for (let i = 0; i < mb; i++) {
    held.push(Array.from({ length: 256 }, (_, k) => new Array<number>(512).fill(i + k + 0.5)));
  }
  return held;
}

describe('GarbageGuard', () => {
  it('leaves the heap alone within its slack, and collects once it grew past it', () => {
    const tight = new GarbageGuard(16 * MB);
    const roomy = new GarbageGuard(1024 * MB);
    const held = [objects(64)];
    expect(roomy.check()).toBe(false);
    expect(tight.check()).toBe(true);
    // The guard measures from what the collection left: no growth since, no collection.
    expect(tight.check()).toBe(false);
    held.push(objects(64));
    expect(tight.check()).toBe(true);
    expect(held.flat()).toHaveLength(128);
  });

  it('counts the bytes of buffers, which live outside the heap', () => {
    const tight = new GarbageGuard(32 * MB);
    // Small on the heap, 64 MB outside it: a bulk edit's reads and writes are buffers.
    const held = Array.from({ length: 64 }, () => Buffer.alloc(MB, 1));
    expect(tight.check()).toBe(true);
    expect(tight.check()).toBe(false);
    expect(held.reduce((n, b) => n + b.length, 0)).toBe(64 * MB);
  });
});
