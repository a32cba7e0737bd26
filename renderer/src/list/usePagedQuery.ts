// Data for the virtualised list: the first page is fetched (debounced) whenever the query
// key changes, further pages as rows scroll into view. Every response carries the
// sequence number of the request generation it belongs to; responses from an older
// generation are dropped, so a slow answer to "ab" never overwrites the answer to "abc".
// Pages far from the rows in view are dropped again (and fetched anew if they scroll back),
// so scrolling through a 100,000-row list does not keep every row in memory.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../main/contract/types';

/** What a search says about its words: corrected spellings, offers and suggestions. */
export type PageNotes = Pick<
  SearchResult,
  'corrected' | 'ignored' | 'anyWordTotal' | 'passage' | 'didYouMean'
>;

export interface Page<T> {
  total: number;
  items: T[];
  tookMs?: number;
  partial?: boolean;
  notes?: PageNotes;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export interface PagedQuery<T> {
  /** Key of the data currently shown (null until the first answer). */
  shownKey: string | null;
  /** Changes whenever a first page lands (new query or refresh). */
  generation: number;
  total: number;
  tookMs?: number;
  partial?: boolean;
  notes?: PageNotes;
  error: unknown;
  /** True while the newest key's first page is pending. */
  loading: boolean;
  rowAt(index: number): T | undefined;
  /** Asks for the pages covering rows [start, end]. */
  loadRange(start: number, end: number): void;
}

interface Shown {
  key: string | null;
  generation?: number;
  total: number;
  tookMs?: number;
  partial?: boolean;
  notes?: PageNotes;
  error: unknown;
}

/**
 * `key` names the query (a new key is debounced by delayMs); `refresh` changes when the
 * same query should be fetched again (library changed): no debounce, and the rows already
 * shown stay visible until their pages are fetched again, so the list does not flicker.
 */
export function usePagedQuery<T>(
  key: string,
  refresh: unknown,
  fetchPage: FetchPage<T>,
  options: { delayMs?: number; pageSize?: number; keepPages?: number } = {},
): PagedQuery<T> {
  const delayMs = options.delayMs ?? 0;
  const pageSize = options.pageSize ?? 100;
  // Pages kept beyond each side of the range in view: enough for shift-click ranges and
  // scrolling back nearby without refetching, bounded whatever the list's length.
  const keepPages = options.keepPages ?? 25;
  const fetchRef = useRef(fetchPage);
  const seq = useRef(0);
  const pages = useRef(new Map<number, T[]>());
  const stale = useRef(new Map<number, T[]>());
  const lastKey = useRef<string | null>(null);
  const inflight = useRef(new Set<number>());
  const [shown, setShown] = useState<Shown>({ key: null, total: 0, error: null });
  const [pendingKey, setPendingKey] = useState<string | null>(key);
  const [, setTick] = useState(0);

  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  useEffect(() => {
    const sameQuery = lastKey.current === key;
    lastKey.current = key;
    // A refresh of the same query (an import, a badge or names arriving in the background)
    // keeps showing the current answer until the new one is in: no "Searching…" flicker.
    if (!sameQuery) setPendingKey(key);
    const run = (): void => {
      const generation = ++seq.current;
      const fetcher = fetchRef.current;
      fetcher(0, pageSize).then(
        (page) => {
          if (generation !== seq.current) return;
          stale.current = sameQuery ? new Map([...stale.current, ...pages.current]) : new Map();
          pages.current = new Map([[0, page.items]]);
          inflight.current = new Set();
          setShown({
            key,
            generation,
            total: page.total,
            tookMs: page.tookMs,
            partial: page.partial,
            notes: page.notes,
            error: null,
          });
          setPendingKey(null);
        },
        (error: unknown) => {
          if (generation !== seq.current) return;
          pages.current = new Map();
          stale.current = new Map();
          inflight.current = new Set();
          setShown({ key, generation, total: 0, error });
          setPendingKey(null);
        },
      );
    };
    if (delayMs <= 0 || sameQuery) {
      run();
      return undefined;
    }
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  }, [key, refresh, delayMs, pageSize]);

  const loadRange = useCallback(
    (start: number, end: number) => {
      const generation = seq.current;
      const fetcher = fetchRef.current;
      for (let p = Math.floor(start / pageSize); p <= Math.floor(end / pageSize); p++) {
        if (p < 0 || pages.current.has(p) || inflight.current.has(p)) continue;
        inflight.current.add(p);
        fetcher(p * pageSize, pageSize).then(
          (page) => {
            if (generation !== seq.current) return;
            inflight.current.delete(p);
            pages.current.set(p, page.items);
            setTick((t) => t + 1);
          },
          () => {
            if (generation === seq.current) inflight.current.delete(p);
          },
        );
      }
      const lo = Math.floor(start / pageSize) - keepPages;
      const hi = Math.floor(end / pageSize) + keepPages;
      for (const map of [pages.current, stale.current]) {
        for (const p of map.keys()) if (p < lo || p > hi) map.delete(p);
      }
    },
    [pageSize, keepPages],
  );

  const rowAt = useCallback(
    (index: number): T | undefined => {
      const p = Math.floor(index / pageSize);
      return (pages.current.get(p) ?? stale.current.get(p))?.[index % pageSize];
    },
    [pageSize],
  );

  return {
    shownKey: shown.key,
    generation: shown.generation ?? 0,
    total: shown.total,
    tookMs: shown.tookMs,
    partial: shown.partial,
    notes: shown.notes,
    error: shown.error,
    loading: pendingKey !== null,
    rowAt,
    loadRange,
  };
}
