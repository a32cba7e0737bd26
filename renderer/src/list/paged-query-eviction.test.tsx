// usePagedQuery on long lists: pages far from the rows in view are dropped and fetched
// again when they come back, so memory stays bounded however far the list is scrolled.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePagedQuery, type Page } from './usePagedQuery';

const TOTAL = 100_000;

/** A fetcher that answers at once and records the offsets asked for. */
function instantFetch(tag: string) {
  const offsets: number[] = [];
  const fetch = (offset: number, limit: number): Promise<Page<string>> => {
    offsets.push(offset);
    const n = Math.max(0, Math.min(limit, TOTAL - offset));
    return Promise.resolve({
      total: TOTAL,
      items: Array.from({ length: n }, (_, i) => `${tag}${offset + i}`),
    });
  };
  return { offsets, fetch };
}

afterEach(cleanup);

describe('usePagedQuery eviction', () => {
  it('keeps only the pages near the rows in view while scrolling a long list', async () => {
    const f = instantFetch('r');
    const { result } = renderHook(() => usePagedQuery('q', 0, f.fetch, { keepPages: 2 }));
    await act(async () => undefined);
    expect(result.current.total).toBe(TOTAL);
    // Scroll down page by page, as the list does.
    for (let p = 1; p <= 20; p++) {
      await act(async () => result.current.loadRange(p * 100, p * 100 + 10));
    }
    expect(result.current.rowAt(2005)).toBe('r2005');
    expect(result.current.rowAt(1805)).toBe('r1805');
    // Pages more than two away from page 20 are gone, the first one included.
    expect(result.current.rowAt(1705)).toBeUndefined();
    expect(result.current.rowAt(5)).toBeUndefined();
    const kept = Array.from({ length: 21 }, (_, p) => result.current.rowAt(p * 100)).filter(
      (r) => r !== undefined,
    );
    expect(kept).toHaveLength(3);
  });

  it('fetches an evicted page again when it scrolls back into view', async () => {
    const f = instantFetch('r');
    const { result } = renderHook(() => usePagedQuery('q', 0, f.fetch, { keepPages: 1 }));
    await act(async () => undefined);
    await act(async () => result.current.loadRange(50_000, 50_010));
    expect(result.current.rowAt(3)).toBeUndefined();
    await act(async () => result.current.loadRange(0, 10));
    expect(result.current.rowAt(3)).toBe('r3');
    expect(result.current.rowAt(50_005)).toBeUndefined();
    expect(f.offsets.filter((o) => o === 0)).toHaveLength(2);
  });

  it('keeps every page within the default window', async () => {
    const f = instantFetch('r');
    const { result } = renderHook(() => usePagedQuery('q', 0, f.fetch));
    await act(async () => undefined);
    for (let p = 1; p <= 10; p++) {
      await act(async () => result.current.loadRange(p * 100, p * 100 + 10));
    }
    for (let p = 0; p <= 10; p++) expect(result.current.rowAt(p * 100 + 1)).toBe(`r${p * 100 + 1}`);
    expect(f.offsets).toHaveLength(11);
  });
});
