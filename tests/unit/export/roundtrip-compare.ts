// Compares two libraries article by article: every field of the metadata, the texts and the
// highlights, for the JSON Lines round trip.
import { expect } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import type { ArticleMeta } from '../../../main/contract/types';

/** Every article of a library, the trash included, by id. */
export async function allArticles(lib: LibraryEngine): Promise<Map<string, ArticleMeta>> {
  const byId = new Map<string, ArticleMeta>();
  for (const view of ['all', 'trash'] as const) {
    for (let offset = 0; ;) {
      const page = await lib.list({ view, limit: 10_000, offset });
      for (const a of page.items) byId.set(a.id, a);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }
  return byId;
}

/** Expects `copy` to hold every article of `source` with every field equal. */
export async function expectSameLibrary(
  source: LibraryEngine,
  copy: LibraryEngine,
): Promise<number> {
  const a = await allArticles(source);
  const b = await allArticles(copy);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [id, meta] of a) {
    // versionCount depends on when the version groups were built, not on the article.
    const { versionCount: _a, ...left } = meta;
    const { versionCount: _b, ...right } = b.get(id)!;
    expect(right, id).toEqual(left);
    const [va, vb] = await Promise.all([source.get(id), copy.get(id)]);
    expect(vb.body, id).toBe(va.body);
    expect(vb.original, id).toBe(va.original);
    expect(vb.dateline, id).toBe(va.dateline);
    expect(vb.highlights, id).toEqual(va.highlights);
  }
  return a.size;
}
