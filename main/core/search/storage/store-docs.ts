// Reading documents back from the article store for (re)indexing: a few reads in flight,
// unreadable or malformed documents skipped (the store reports those itself).
import type { IndexDoc } from '../types';
import { validateDocs } from '../segments/validate';

const LOAD_CONCURRENCY = 16;

/** Loads `ids` in order, dropping missing and malformed documents. */
export async function loadValidDocs(
  loadDoc: (id: string) => Promise<IndexDoc | null>,
  ids: string[],
): Promise<IndexDoc[]> {
  const out: (IndexDoc | null)[] = new Array(ids.length).fill(null);
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < ids.length) {
      const i = next++;
      out[i] = await loadDoc(ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, ids.length) }, reader));
  return out.filter((d): d is IndexDoc => d !== null && isValid(d));
}

function isValid(d: IndexDoc): boolean {
  try {
    validateDocs([d]);
    return true;
  } catch {
    // A malformed document is left out; the store reports damage itself (see above).
    return false;
  }
}
