import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { trimHeap } from '../../../main/core/search/workers/heap-trim';

describe('trimHeap', () => {
  it('collects only when the heap is above the limit, and frees garbage when it does', () => {
    expect(trimHeap(Number.MAX_SAFE_INTEGER)).toBe(false);
    // ~16 MB that nothing refers to once the function returns.
    const makeGarbage = () => Array.from({ length: 2000 }, () => new Array(1000).fill(1)).length;
    expect(makeGarbage()).toBe(2000);
    const before = getHeapStatistics().used_heap_size;
    expect(trimHeap(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 8 * 1024 * 1024);
  });
});
