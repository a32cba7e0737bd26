// What `archive-reader serve` lends the command runner: the readers it keeps open for its
// library between command lines (the runner opens its own for any other library).
import type { CatalogList } from '../catalog-list';
import type { CatalogSearch } from '../catalog-search';

export interface ServedReaders {
  /** The library folder the readers are of (resolved). */
  dir: string;
  list(): Promise<CatalogList>;
  search(): Promise<CatalogSearch>;
  /** The status that makes the service send no answer (the client then answers itself). */
  decline(): number;
}

/** What decline() returns: no exit status is negative. */
export const DECLINED = -1;
