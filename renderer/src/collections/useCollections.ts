// The collections with their counts, fetched again when the library changes.
import { useEffect, useState } from 'react';
import type { CollectionCount } from '../../../main/contract/organise';
import { getClient } from '../api/client';

/** The collections, refetched whenever `refresh` changes (or `reload` is called). */
export function useCollections(refresh: unknown): {
  collections: CollectionCount[];
  reload(): void;
} {
  const [collections, setCollections] = useState<CollectionCount[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    getClient()
      .call('listCollections', {})
      .then(
        (list) => live && setCollections(list),
        // The last counts stay shown; the next change asks again.
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [refresh, tick]);
  return { collections, reload: () => setTick((t) => t + 1) };
}
