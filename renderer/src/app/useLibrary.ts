import { useEffect, useState } from 'react';
import type { ApiEvents } from '../../../main/contract/api-contract';
import type { LibraryStats } from '../../../main/contract/types';
import { getClient } from '../api/client';

export interface LibraryVersion {
  /** Bumped on every libraryChanged event. */
  version: number;
  last: ApiEvents['libraryChanged'] | null;
}

/** While the index loads, stats are asked for again this often: the indexReady event may
 * have been sent before this page listened, so it cannot be the only signal. */
export const INDEX_POLL_MS = 2000;

/** Counts up whenever the library changes, so lists, counts and the reader refetch. */
export function useLibraryVersion(): LibraryVersion {
  const [state, setState] = useState<LibraryVersion>({ version: 0, last: null });
  useEffect(
    () =>
      getClient().on('libraryChanged', (last) =>
        setState((s) => ({ version: s.version + 1, last })),
      ),
    [],
  );
  return state;
}

/** Counts indexReady events. */
export function useIndexReadyEvents(): number {
  const [count, setCount] = useState(0);
  useEffect(() => getClient().on('indexReady', () => setCount((c) => c + 1)), []);
  return count;
}

/** Library counts, refetched whenever `refresh` changes and polled while the index loads. */
export function useStats(refresh: unknown, hideVersions = false): LibraryStats | null {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [poll, setPoll] = useState(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    getClient()
      .call('stats', hideVersions ? { hideVersions } : {})
      .then(
        (s) => {
          if (!live) return;
          setStats(s);
          if (!s.index.ready) timer = setTimeout(() => setPoll((p) => p + 1), INDEX_POLL_MS);
        },
        // Only counts are lost: the last ones stay shown, and the next change asks again.
        () => undefined,
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [refresh, poll, hideVersions]);
  return stats;
}

export interface LibraryData {
  version: number;
  stats: LibraryStats | null;
  /** False while not every index segment is loaded (searches may be partial). */
  indexReady: boolean;
  /**
   * Changes when the library changes or the index becomes ready: lists refetch on it, so a
   * search answered from a partly loaded index runs again once the index is whole.
   */
  refresh: string;
}

/**
 * Library version, counts and index readiness in one place; with `hideVersions` the counts
 * leave other versions out, as the list does.
 */
export function useLibraryData(hideVersions = false): LibraryData {
  const { version } = useLibraryVersion();
  const readyEvents = useIndexReadyEvents();
  const stats = useStats(`${version}:${readyEvents}`, hideVersions);
  const indexReady = stats?.index.ready ?? true;
  return { version, stats, indexReady, refresh: `${version}:${readyEvents}:${indexReady}` };
}
