// The saved searches with their counts, fetched again when the library changes (at most
// once a second: every count is a search, and an import changes the library per chunk).
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../main/contract/error-message';
import type { SavedSearchCount } from '../../../main/contract/organise';
import { getClient } from '../api/client';

const MIN_INTERVAL_MS = 1000;

export interface SavedSearchesState {
  saved: SavedSearchCount[] | null;
  error: string | null;
  /** Fetches again now (after a change made here). */
  reload(): void;
}

/** The saved searches, refetched whenever `refresh` changes. */
export function useSavedSearches(refresh: unknown): SavedSearchesState {
  const [saved, setSaved] = useState<SavedSearchCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const last = useRef(0);
  useEffect(() => {
    let live = true;
    const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      getClient()
        .call('listSavedSearches', {})
        .then(
          (r) => {
            if (!live) return;
            setSaved(r.saved);
            setError(null);
          },
          (e: unknown) => live && setError(errorMessage(e)),
        );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [refresh, tick]);
  return { saved, error, reload: () => setTick((t) => t + 1) };
}
