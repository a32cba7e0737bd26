import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePagedQuery, type Page } from './usePagedQuery';

interface Deferred {
  offset: number;
  tag: string;
  resolve(page: Page<string>): void;
  reject(e: unknown): void;
}

function controlledFetch() {
  const calls: Deferred[] = [];
  const make = (tag: string) => (offset: number) =>
    new Promise<Page<string>>((resolve, reject) => calls.push({ offset, tag, resolve, reject }));
  return { calls, make };
}

const page = (tag: string, offset: number, total = 250): Page<string> => ({
  total,
  items: Array.from({ length: Math.min(100, total - offset) }, (_, i) => `${tag}${offset + i}`),
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePagedQuery', () => {
  it('debounces typing: only the last key is fetched', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(
      ({ q }) => usePagedQuery(q, 0, f.make(q), { delayMs: 150 }),
      { initialProps: { q: 'a' } },
    );
    rerender({ q: 'ab' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    rerender({ q: 'abc' });
    await act(() => vi.advanceTimersByTimeAsync(149));
    expect(f.calls).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(f.calls.map((c) => c.tag)).toEqual(['abc']);
    await act(async () => f.calls[0]!.resolve(page('abc', 0)));
    expect(result.current.shownKey).toBe('abc');
    expect(result.current.total).toBe(250);
    expect(result.current.rowAt(5)).toBe('abc5');
    expect(result.current.loading).toBe(false);
  });

  it('a refresh of the same query keeps its answer shown, not loading, until the new one', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(
      ({ q, refresh }) => usePagedQuery(q, refresh, f.make(q), { delayMs: 150 }),
      { initialProps: { q: 'oil', refresh: 0 } },
    );
    await act(() => vi.advanceTimersByTimeAsync(150));
    await act(async () => f.calls[0]!.resolve(page('oil', 0)));
    expect(result.current.loading).toBe(false);
    rerender({ q: 'oil', refresh: 1 });
    expect(f.calls).toHaveLength(2);
    expect(result.current.loading).toBe(false);
    expect(result.current.total).toBe(250);
    await act(async () => f.calls[1]!.resolve(page('oil', 0, 260)));
    expect(result.current.total).toBe(260);
    expect(result.current.loading).toBe(false);
  });

  it('drops a stale answer that arrives after a newer one', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(
      ({ q }) => usePagedQuery(q, 0, f.make(q), { delayMs: 150 }),
      { initialProps: { q: 'old' } },
    );
    await act(() => vi.advanceTimersByTimeAsync(150));
    rerender({ q: 'new' });
    await act(() => vi.advanceTimersByTimeAsync(150));
    expect(f.calls.map((c) => c.tag)).toEqual(['old', 'new']);
    await act(async () => f.calls[1]!.resolve(page('new', 0, 3)));
    await act(async () => f.calls[0]!.resolve(page('old', 0, 999)));
    expect(result.current.shownKey).toBe('new');
    expect(result.current.total).toBe(3);
    expect(result.current.rowAt(0)).toBe('new0');
  });

  it('keeps an error of the newest query (e.g. a bad query) and clears it on the next', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(({ q }) => usePagedQuery(q, 0, f.make(q)), {
      initialProps: { q: 'bad"' },
    });
    await act(async () => f.calls[0]!.reject(new Error('unbalanced quote')));
    expect((result.current.error as Error).message).toBe('unbalanced quote');
    rerender({ q: 'good' });
    await act(async () => f.calls[1]!.resolve(page('good', 0, 1)));
    expect(result.current.error).toBeNull();
    expect(result.current.rowAt(0)).toBe('good0');
  });

  it('loads further pages on demand, once each, and ignores pages of an old query', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(({ q }) => usePagedQuery(q, 0, f.make(q)), {
      initialProps: { q: 'x' },
    });
    await act(async () => f.calls[0]!.resolve(page('x', 0)));
    act(() => result.current.loadRange(95, 210));
    act(() => result.current.loadRange(150, 160));
    expect(f.calls.map((c) => c.offset)).toEqual([0, 100, 200]);
    await act(async () => f.calls[1]!.resolve(page('x', 100)));
    expect(result.current.rowAt(150)).toBe('x150');
    expect(result.current.rowAt(210)).toBeUndefined();
    rerender({ q: 'y' });
    await act(async () => f.calls[3]!.resolve(page('y', 0)));
    await act(async () => f.calls[2]!.resolve(page('x', 200)));
    expect(result.current.rowAt(210)).toBeUndefined();
    expect(result.current.rowAt(150)).toBeUndefined();
  });

  it('a refresh refetches at once and keeps the shown rows until their pages return', async () => {
    const f = controlledFetch();
    const { result, rerender } = renderHook(
      ({ v }) => usePagedQuery('q', v, f.make(`v${v}-`), { delayMs: 150 }),
      { initialProps: { v: 0 } },
    );
    await act(() => vi.advanceTimersByTimeAsync(150));
    await act(async () => f.calls[0]!.resolve(page('v0-', 0)));
    act(() => result.current.loadRange(120, 130));
    await act(async () => f.calls[1]!.resolve(page('v0-', 100)));
    rerender({ v: 1 });
    expect(f.calls).toHaveLength(3);
    await act(async () => f.calls[2]!.resolve(page('v1-', 0)));
    expect(result.current.rowAt(0)).toBe('v1-0');
    expect(result.current.rowAt(120)).toBe('v0-120');
    act(() => result.current.loadRange(120, 130));
    await act(async () => f.calls[3]!.resolve(page('v1-', 100)));
    expect(result.current.rowAt(120)).toBe('v1-120');
  });
});
