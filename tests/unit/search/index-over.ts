// A test-block index; apart from helpers.ts, which scripts outside vitest import too.
import { afterAll, beforeAll } from 'vitest';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import type { IndexDoc } from '../../../main/core/search/types';
import { MemoryStore, openIndex, tempDir } from './helpers';

/**
 * An index over `docs` in a temp folder for the tests of one describe block: opened before
 * them, closed and removed after. Call the result inside a test to get the index.
 */
export function indexOver(docs: IndexDoc[]): () => SearchIndex {
  let index: SearchIndex | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    index = await openIndex(t.dir, new MemoryStore(docs));
  });
  afterAll(async () => {
    await index?.close();
    await cleanup?.();
  });
  return () => index!;
}
