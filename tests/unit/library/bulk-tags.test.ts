// Tagging many articles at once ("select all, add tag"): written a chunk at a time while the
// index builds the chunks before, every article tagged once, searchable, undoable and durable.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryChange, LibraryEngine } from '../../../main/core/engine';
import { openLibrary } from '../../../main/core/library';
import { FEED_BATCH, FEED_IN_FLIGHT } from '../../../main/core/library/index-feed';
import { openLibraryWith } from '../../../main/core/library/library-engine';
import { WRITE_CHUNK } from '../../../main/core/library/record-writer';
import { writeLegacyArticles } from '../../../main/core/store/legacy-article-files';
import { FakeIndex, fakeDeps } from '../core/fake-index';
import { article, openFake, writeArticles } from '../core/library-helpers';
import { articleJson, damageArticleRecord } from '../core/store/article-on-disk';
import { storedArticles } from '../core/store/stored-articles';
import { tempDir } from '../core/tmp-dir';
import type { IndexDoc } from '../../../main/core/search/types';
import type { EngineDeps } from '../../../main/core/library/library-engine';

const WORDS = ['harbour', 'orchard', 'lantern'];

/** `n` articles, the i-th naming WORDS[i % 3]; imported into a library opened by `open`. */
async function libraryOf(
  n: number,
  open: (dir: string) => Promise<LibraryEngine>,
): Promise<{ lib: LibraryEngine; dir: string; ids: string[] }> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`a${i}.txt`] = `${article(i, `Story ${i}`)}\n\nIt mentions the ${WORDS[i % 3]}.`;
  }
  const paths = writeArticles(tempDir(), files);
  const dir = join(tempDir(), 'lib');
  const lib = await open(dir);
  const summary = await lib.importSources(paths.map((path) => ({ path })));
  expect(summary.imported).toHaveLength(n);
  return { lib, dir, ids: summary.imported.map((e) => e.id) };
}

async function hitIds(lib: LibraryEngine, query: string): Promise<string[]> {
  const result = await lib.search({ query, limit: 10_000 });
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((h) => h.id).sort();
}

/** Fake-index dependencies where `before` runs ahead of every index update. */
function depsWith(before: (docs: IndexDoc[]) => Promise<void>): EngineDeps {
  const deps = fakeDeps();
  return {
    ...deps,
    createIndex: (options) => {
      const index = new FakeIndex(options);
      const plain = index.upsert.bind(index);
      index.upsert = (docs) => before(docs).then(() => plain(docs));
      return index;
    },
  };
}

describe('tagging many articles at once', () => {
  it('tags each article once across several chunks: searchable, undoable, the same after a reopen', async () => {
    const n = WRITE_CHUNK * 2 + 40;
    const { lib, dir, ids } = await libraryOf(n, (d) => openLibrary(d));
    const tagged = ids.filter((_, i) => i % 2 === 0).sort();
    const untagged = ids.filter((_, i) => i % 2 === 1);
    const before = new Map<string, Awaited<ReturnType<typeof articleJson>>>();
    for (const id of [tagged[0]!, tagged.at(-1)!, untagged[0]!]) {
      before.set(id, await articleJson(dir, id));
    }
    const harbourBefore = await hitIds(lib, 'harbour');

    const snapshot = await lib.addTags([...tagged, tagged[0]!], ['Bulk']);
    expect(new Set(snapshot.entries.map((e) => e.id))).toEqual(new Set(tagged));
    expect(snapshot.entries.every((e) => e.tags.length === 0)).toBe(true);
    expect(await hitIds(lib, 'tag:bulk')).toEqual(tagged);
    const harbour = ids.filter((_, i) => i % 3 === 0);
    expect(await hitIds(lib, 'tag:bulk harbour')).toEqual(
      tagged.filter((id) => harbour.includes(id)).sort(),
    );
    // Words of the body are found as before: the body was indexed again, unchanged.
    expect(await hitIds(lib, 'harbour')).toEqual(harbourBefore);
    for (const [id, was] of before) {
      const now = await articleJson(dir, id);
      const isTagged = tagged.includes(id);
      // One revision per change (the id given twice is tagged once), the original untouched.
      expect(now.record.rev).toBe(was.record.rev + (isTagged ? 1 : 0));
      expect(now.record.tags).toEqual(isTagged ? ['Bulk'] : []);
      expect(now.original).toBe(was.original);
      expect({ ...now.record, tags: [], rev: 0 }).toEqual({ ...was.record, tags: [], rev: 0 });
    }

    await lib.restoreTags(snapshot);
    expect(await hitIds(lib, 'tag:bulk')).toEqual([]);
    expect((await lib.get(tagged[0]!)).tags).toEqual([]);
    await lib.addTags(tagged, ['Bulk']);
    await lib.close();

    const again = await openLibrary(dir);
    try {
      expect(await hitIds(again, 'tag:bulk')).toEqual(tagged);
      expect(await hitIds(again, 'harbour')).toEqual(harbourBefore);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('writes the next chunks while the index builds the ones before, a few updates at a time', async () => {
    const n = FEED_BATCH + WRITE_CHUNK + 20;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstArrived!: () => void;
    const arrived = new Promise<void>((r) => (firstArrived = r));
    const sizes: number[] = [];
    let out = 0;
    let maxOut = 0;
    let counting = false;
    const deps = depsWith(async (docs) => {
      if (!counting) return;
      sizes.push(docs.length);
      out++;
      maxOut = Math.max(maxOut, out);
      if (sizes.length === 1) {
        firstArrived();
        await held;
      }
      out--;
    });
    const { lib, ids } = await libraryOf(n, (d) => openLibraryWith(d, {}, deps));
    counting = true;
    let done = false;
    const tagging = lib.addTags(ids, ['Bulk']).then(() => (done = true));
    await arrived;
    // While the first update is held, the chunks after it are written, as many as the feed
    // lets out (one chunk per update) and one more.
    const whileHeld = Math.min(n, (FEED_IN_FLIGHT + 1) * WRITE_CHUNK);
    const taggedNow = async () =>
      (await lib.list({ limit: n, view: 'all' })).items.filter((m) => m.tags.includes('Bulk'))
        .length;
    for (let tries = 0; tries < 500 && (await taggedNow()) < whileHeld; tries++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await taggedNow()).toBe(whileHeld);
    // ...but the call waits for the index.
    expect(done).toBe(false);
    release();
    await tagging;
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FEED_BATCH);
    expect(maxOut).toBeLessThanOrEqual(FEED_IN_FLIGHT);
    await lib.close();
  }, 120_000);

  it('when the index fails, keeps and tells every article written, each tagged whole or not at all', async () => {
    const n = WRITE_CHUNK * 2 + 10;
    let failing = false;
    const deps = depsWith(async () => {
      if (failing) throw new Error('index broke');
    });
    const { lib, dir, ids } = await libraryOf(n, (d) => openLibraryWith(d, {}, deps));
    const told: LibraryChange[] = [];
    lib.onChange((c) => told.push(c));
    failing = true;
    await expect(lib.addTags(ids, ['Bulk'])).rejects.toThrow('index broke');
    const written = (await lib.list({ limit: n, view: 'all' })).items
      .filter((m) => m.tags.includes('Bulk'))
      .map((m) => m.id)
      .sort();
    expect(written.length).toBeGreaterThan(0);
    // The change event names exactly the articles written before the failure stopped the bulk.
    expect(
      told
        .filter((c) => c.reason === 'tags')
        .flatMap((c) => c.ids ?? [])
        .sort(),
    ).toEqual(written);
    await lib.close();

    failing = false;
    const again = await openFake(dir);
    try {
      for (const id of ids) {
        const tags = (await again.get(id)).tags;
        expect(tags).toEqual(written.includes(id) ? ['Bulk'] : []);
        expect((await articleJson(dir, id)).record.tags).toEqual(tags);
      }
    } finally {
      await again.close();
    }
  }, 120_000);

  it('reports a damaged article as before and leaves it as it was', async () => {
    const { lib, dir, ids } = await libraryOf(WRITE_CHUNK + 10, openFake);
    await lib.close();
    const victim = ids[5]!;
    await damageArticleRecord(dir, victim);
    const again = await openFake(dir);
    try {
      await expect(again.addTags(ids, ['Bulk'])).rejects.toMatchObject({
        code: 'LIBRARY_CORRUPT',
      });
      expect((await again.get(ids[0]!)).tags.length).toBeLessThanOrEqual(1);
      expect(await again.tagsOf([victim])).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('tags articles kept in files of their own (libraries from before packs)', async () => {
    const articles = await storedArticles(6, 'Legacy');
    const ids = articles.map((a) => a.record.id);
    const dir = join(tempDir(), 'lib');
    // A library as format 1 wrote it: a manifest, one file per article, no catalogue.
    await writeLegacyArticles(join(dir, 'articles'), articles);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ format: 1, createdAt: '2020-01-01T00:00:00.000Z', app: 'Archive Reader' }),
    );
    const lib = await openFake(dir);
    try {
      await lib.addTags(ids, ['Old']);
      for (const id of ids) {
        expect((await lib.get(id)).tags).toEqual(['Old']);
        expect((await articleJson(dir, id)).record.tags).toEqual(['Old']);
      }
    } finally {
      await lib.close();
    }
  }, 60_000);
});
