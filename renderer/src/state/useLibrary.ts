import { useEffect, useState } from 'react';
import type { ApiEvents } from '../../../main/api/contract';
import type { LibraryStats } from '../../../main/core/types';
import { getClient } from '../api/client';

export interface LibraryVersion {
  /** Bumped on every libraryChanged event. */
  version: number;
  last: ApiEvents['libraryChanged'] | null;
}

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

/** Library counts, refetched for every version. */
export function useStats(version: number): LibraryStats | null {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  useEffect(() => {
    let live = true;
    getClient()
      .call('stats', {})
      .then(
        (s) => live && setStats(s),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [version]);
  return stats;
}
