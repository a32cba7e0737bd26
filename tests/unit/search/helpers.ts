// Test helpers: an in-memory article store and throwaway index folders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex, type IndexTuning } from '../../../main/core/search/segmented-index';
import type { IndexDoc, SearchIndexOptions } from '../../../main/core/search/types';

export function doc(id: string, fields: Partial<IndexDoc> = {}): IndexDoc {
  return {
    id,
    rev: 1,
    title: '',
    body: '',
    tags: [],
    place: null,
    language: 'en',
    ...fields,
  };
}

export class MemoryStore {
  readonly docs = new Map<string, IndexDoc>();
  loads = 0;
  constructor(docs: IndexDoc[] = []) {
    for (const d of docs) this.docs.set(d.id, d);
  }
  put(...docs: IndexDoc[]): void {
    for (const d of docs) this.docs.set(d.id, d);
  }
  expected(): Map<string, number> {
    return new Map([...this.docs.values()].map((d) => [d.id, d.rev]));
  }
  loadDoc = async (id: string): Promise<IndexDoc | null> => {
    this.loads++;
    return this.docs.get(id) ?? null;
  };
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ar-search-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Opens an index over `store` in `dir`, reconciled with the store's contents. */
export async function openIndex(
  dir: string,
  store: MemoryStore,
  options: Partial<SearchIndexOptions> = {},
  tuning: Partial<IndexTuning> = {},
  expected: Map<string, number> = store.expected(),
): Promise<SearchIndex> {
  const index = new SearchIndex({ dir, loadDoc: store.loadDoc, ...options }, tuning);
  await index.open(expected);
  return index;
}

export const ids = (r: { hits: { id: string }[] }): string[] => r.hits.map((h) => h.id).sort();

/** A deterministic generator of word soup: `rnd(k)` in [0, k), `sentence` of `len` words. */
export function wordSoup(seed: number): {
  rnd: (k: number) => number;
  sentence: (words: readonly string[], len: number) => string;
} {
  let s = seed;
  const rnd = (k: number): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) >>> 0) % k;
  const sentence = (words: readonly string[], len: number): string =>
    Array.from({ length: len }, () => words[rnd(words.length)]).join(rnd(4) ? ' ' : ', ');
  return { rnd, sentence };
}
