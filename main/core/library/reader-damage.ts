// A read-only open cannot repair a damaged index on disk, and its repair in memory is still
// running when a search comes back partial because of it: an answer then would quietly miss
// hits, so the reader is told to reindex instead.
import { ArchiveError } from '../errors';
import type { SearchIndexApi } from '../search/types';
import type { SearchResult } from '../../contract/types';

/** LIBRARY_CORRUPT when a reader's partial answer comes from a damaged index, else null. */
export function readerDamage(index: SearchIndexApi, result: SearchResult): ArchiveError | null {
  const first = result.partial ? index.damaged?.()[0] : undefined;
  if (!first) return null;
  return new ArchiveError(
    'LIBRARY_CORRUPT',
    `The search index is damaged (index/${first.path}: ${first.reason}); run 'archive-reader reindex' or open the library in Archive Reader to repair it.`,
  );
}
