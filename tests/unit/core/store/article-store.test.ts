// The article store on packs: newest record wins, tombstones, torn tails, damaged records,
// compaction, the packs' indexes as caches, and libraries from before packs.
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, StoredArticle } from '../../../../main/core/store/article-file';
import { encodeRecord } from '../../../../main/core/store/article-pack';
import { ArticleStore } from '../../../../main/core/store/article-store';
import {
  legacyPathOf,
  writeLegacyArticles,
} from '../../../../main/core/store/legacy-article-files';
import { LIBRARY_FORMAT, readManifest } from '../../../../main/core/store/manifest';
import { PackSet } from '../../../../main/core/store/pack-set';
import { openFake } from '../library-helpers';
import { tempDir } from '../tmp-dir';
import { storedArticles } from './stored-articles';
import { damageArticleRecord } from './article-on-disk';

const withTags = (a: StoredArticle, tags: string[]): StoredArticle => ({
  record: { ...a.record, tags, rev: a.record.rev + 1 } as ArticleRecord,
  original: a.original,
});
/** A pack record holding an article as its JSON. */
const record = (a: StoredArticle) => ({
  id: a.record.id,
  kind: 'article' as const,
  payload: Buffer.from(JSON.stringify(a)),
});
const packsDir = (dir: string) => join(dir, 'articles', 'packs');
const packFiles = (dir: string) => readdirSync(packsDir(dir)).filter((n) => n.endsWith('.pack'));

describe('article packs', () => {
  it('writes a chunk as one pack and reads every article back, in this and a new store', async () => {
    const articles = await storedArticles(5);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles);
    expect(packFiles(dir)).toEqual(['000001.pack']);
    for (const a of articles) {
      expect(await store.read(a.record.id)).toEqual(a);
      expect(store.pathOf(a.record.id)).toBe(
        `${join(packsDir(dir), '000001.pack')}#${a.record.id}`,
      );
    }
    const again = new ArticleStore(dir);
    expect((await again.listIds()).sort()).toEqual(articles.map((a) => a.record.id).sort());
    expect(await again.read(articles[2]!.record.id)).toEqual(articles[2]);
    expect(await again.read('0123456789abcdef')).toBeNull();
  });

  it('reads the newest record of an article, before and after a reopen', async () => {
    const [a] = await storedArticles(1);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write([a!]);
    await store.write([withTags(a!, ['one'])]);
    await store.write([withTags(a!, ['two'])]);
    expect((await store.read(a!.record.id))!.record.tags).toEqual(['two']);
    const again = new ArticleStore(dir);
    expect(await again.listIds()).toEqual([a!.record.id]);
    expect((await again.read(a!.record.id))!.record.tags).toEqual(['two']);
  });

  it('deletes with a tombstone that holds across a reopen, and can store the article again', async () => {
    const articles = await storedArticles(3);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles);
    const gone = articles[1]!.record.id;
    await store.delete([gone]);
    expect(await store.read(gone)).toBeNull();
    expect(await store.listIds()).not.toContain(gone);
    const again = new ArticleStore(dir);
    expect((await again.listIds()).sort()).toEqual(
      [articles[0]!.record.id, articles[2]!.record.id].sort(),
    );
    expect(await again.read(gone)).toBeNull();
    await again.write([articles[1]!]);
    expect(await new ArticleStore(dir).read(gone)).toEqual(articles[1]);
  });

  it('ignores a torn tail, cuts it off when the writer opens, and appends after it', async () => {
    const articles = await storedArticles(4);
    const dir = tempDir();
    await new ArticleStore(dir).write(articles.slice(0, 2));
    const pack = join(packsDir(dir), '000001.pack');
    const whole = statSync(pack).size;
    // A crash in the middle of appending the third article.
    const record = encodeRecord(articles[2]!.record.id, 'article', Buffer.from('{"format":1}'));
    appendFileSync(pack, record.subarray(0, record.length - 5));
    const reader = new ArticleStore(dir);
    expect((await reader.listIds()).sort()).toEqual(
      articles
        .slice(0, 2)
        .map((a) => a.record.id)
        .sort(),
    );
    expect(await reader.read(articles[2]!.record.id)).toBeNull();
    expect(statSync(pack).size).toBeGreaterThan(whole);
    const writer = new ArticleStore(dir);
    await writer.listIds({ sweep: true });
    expect(statSync(pack).size).toBe(whole);
    await writer.write(articles.slice(2));
    const again = new ArticleStore(dir);
    expect((await again.listIds()).length).toBe(4);
    for (const a of articles) expect(await again.read(a.record.id)).toEqual(a);
  });

  it('cuts a torn tail before appending even when nothing swept it', async () => {
    const articles = await storedArticles(3);
    const dir = tempDir();
    await new ArticleStore(dir).write([articles[0]!]);
    appendFileSync(join(packsDir(dir), '000001.pack'), Buffer.from([0, 0x41, 0x52]));
    await new ArticleStore(dir).write(articles.slice(1));
    const again = new ArticleStore(dir);
    for (const a of articles) expect(await again.read(a.record.id)).toEqual(a);
    expect(again.damaged()).toEqual([]);
  });

  it('removes a pack a crash left before its header was written', async () => {
    const [a] = await storedArticles(1);
    const dir = tempDir();
    await new ArticleStore(dir).write([a!]);
    writeFileSync(join(packsDir(dir), '000002.pack'), Buffer.from('ARPA'));
    const reader = new ArticleStore(dir);
    expect(await reader.listIds()).toEqual([a!.record.id]);
    expect(reader.damaged()).toEqual([]);
    const writer = new ArticleStore(dir);
    await writer.listIds({ sweep: true });
    expect(packFiles(dir)).toEqual(['000001.pack']);
    await writer.write([withTags(a!, ['later'])]);
    expect((await new ArticleStore(dir).read(a!.record.id))!.record.tags).toEqual(['later']);
  });

  it('throws naming the checksum for a damaged record, and reads the records after it', async () => {
    const articles = await storedArticles(3);
    const dir = tempDir();
    await new ArticleStore(dir).write(articles);
    const [victim, ...rest] = articles.map((a) => a.record.id);
    const location = await damageArticleRecord(dir, victim!);
    expect(location).toBe(`${join(packsDir(dir), '000001.pack')}#${victim}`);
    const store = new ArticleStore(dir);
    expect(await store.listIds()).toContain(victim);
    await expect(store.read(victim!)).rejects.toThrow(/checksum/);
    for (const id of rest) expect(await store.read(id)).not.toBeNull();
    // Without the index, the pack is read record by record: the damage is found there.
    for (const n of readdirSync(packsDir(dir))) {
      if (n.endsWith('.idx')) writeFileSync(join(packsDir(dir), n), '');
    }
    const scanned = new ArticleStore(dir);
    expect((await scanned.listIds()).sort()).toEqual([victim, ...rest].sort());
    await expect(scanned.read(victim!)).rejects.toThrow(/checksum/);
    for (const id of rest) expect(await scanned.read(id)).not.toBeNull();
    // A newer record of the article replaces the damaged one.
    await scanned.write([articles[0]!]);
    expect(await new ArticleStore(dir).read(victim!)).toEqual(articles[0]);
  });

  it('lists a record too damaged to name its article among the damaged', async () => {
    const articles = await storedArticles(2);
    const dir = tempDir();
    await new ArticleStore(dir).write(articles);
    const pack = join(packsDir(dir), '000001.pack');
    const bytes = readFileSync(pack);
    // The first record's id (bytes 8-23 of the record after the 16-byte pack header).
    bytes.fill(0x7a, 16 + 8, 16 + 24);
    writeFileSync(pack, bytes);
    writeFileSync(pack.replace(/\.pack$/, '.idx'), '');
    const store = new ArticleStore(dir);
    expect(await store.listIds()).toEqual([articles[1]!.record.id]);
    expect(store.damaged()).toEqual([
      { location: `${pack}@16`, reason: expect.stringMatching(/checksum/) },
    ]);
  });

  it('rebuilds a missing, stale or damaged pack index from the pack', async () => {
    const articles = await storedArticles(4);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles.slice(0, 2));
    await store.write(articles.slice(2));
    const idx = join(packsDir(dir), '000001.idx');
    const good = readFileSync(idx);
    const ids = articles.map((a) => a.record.id).sort();
    for (const broken of [
      null,
      Buffer.concat([good.subarray(0, 8), Buffer.alloc(8, 1), good.subarray(16)]),
      Buffer.concat([good.subarray(0, good.length - 3), Buffer.from('xyz')]),
      good.subarray(0, 40),
    ]) {
      if (broken === null) writeFileSync(idx, '');
      else writeFileSync(idx, broken);
      const again = new ArticleStore(dir);
      expect((await again.listIds()).sort()).toEqual(ids);
      for (const a of articles) expect(await again.read(a.record.id)).toEqual(a);
    }
    // The writer's open writes it whole again.
    await new ArticleStore(dir).listIds({ sweep: true });
    expect(readFileSync(idx)).toEqual(good);
  });

  it('sees what another store appended since it read the packs', async () => {
    const articles = await storedArticles(2);
    const dir = tempDir();
    const writer = new ArticleStore(dir);
    await writer.write([articles[0]!]);
    const reader = new ArticleStore(dir);
    expect(await reader.listIds()).toEqual([articles[0]!.record.id]);
    await writer.write([articles[1]!]);
    expect(await reader.read(articles[1]!.record.id)).toEqual(articles[1]);
    expect((await reader.listIds()).length).toBe(2);
  });
});

describe('pack compaction', () => {
  it('rewrites a pack once more than half of it is dead, keeping every live article', async () => {
    const articles = await storedArticles(6);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles);
    const pack = join(packsDir(dir), '000001.pack');
    const full = statSync(pack).size;
    await store.delete(articles.slice(0, 2).map((a) => a.record.id));
    // A third dead (and two tombstones): not yet.
    expect(statSync(pack).size).toBeGreaterThan(full);
    await store.delete([articles[2]!.record.id, articles[3]!.record.id]);
    expect(statSync(pack).size).toBeLessThan(full / 2);
    expect(readdirSync(packsDir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    for (const store2 of [store, new ArticleStore(dir)]) {
      expect((await store2.listIds()).sort()).toEqual(
        articles
          .slice(4)
          .map((a) => a.record.id)
          .sort(),
      );
      for (const a of articles.slice(4)) expect(await store2.read(a.record.id)).toEqual(a);
      expect(await store2.read(articles[0]!.record.id)).toBeNull();
    }
  });

  it('compacts rewrites of the same articles away', async () => {
    const [a, b] = await storedArticles(2);
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write([a!, b!]);
    for (let i = 0; i < 20; i++) await store.write([withTags(a!, [`tag ${i}`])]);
    const size = statSync(join(packsDir(dir), '000001.pack')).size;
    expect(size).toBeLessThan(
      6 * Buffer.byteLength(JSON.stringify(a!.record)) + 4 * a!.original.length * 2,
    );
    const again = new ArticleStore(dir);
    expect((await again.read(a!.record.id))!.record.tags).toEqual(['tag 19']);
    expect(await again.read(b!.record.id)).toEqual(b);
  });

  it('keeps a tombstone while an older pack holds the record it hides, and drops an emptied pack', async () => {
    const [a0, a1, a2, a3] = await storedArticles(4);
    const dir = tempDir();
    const articlesDir = join(dir, 'articles');
    await new PackSet(articlesDir, () => Promise.resolve()).append([a0!, a1!, a2!].map(record));
    // A small pack size starts a second pack for a3; the tombstone of a0 and the rewrites of
    // a3 go there, until the rewrites make it mostly dead and it is compacted.
    await new PackSet(articlesDir, () => Promise.resolve(), 1).append([record(a3!)]);
    const packs = new PackSet(articlesDir, () => Promise.resolve());
    await packs.remove([a0!.record.id]);
    await packs.append([record(withTags(a3!, ['one']))]);
    const before = statSync(join(packsDir(dir), '000002.pack')).size;
    await packs.append([record(withTags(a3!, ['two']))]);
    expect(statSync(join(packsDir(dir), '000002.pack')).size).toBeLessThan(before);
    const reopened = new PackSet(articlesDir, () => Promise.resolve());
    expect(await reopened.read(a0!.record.id)).toBeNull();
    expect(reopened.liveIds().sort()).toEqual([a1, a2, a3].map((a) => a!.record.id).sort());
    // Once nothing in pack 1 is live, it goes.
    await packs.remove([a1!.record.id, a2!.record.id]);
    expect(packFiles(dir)).toEqual(['000002.pack']);
    const last = new PackSet(articlesDir, () => Promise.resolve());
    await last.refresh(false);
    expect(last.liveIds()).toEqual([a3!.record.id]);
    expect(JSON.parse((await last.read(a3!.record.id))!.text).record.tags).toEqual(['two']);
    for (const a of [a0, a1, a2]) expect(await last.read(a!.record.id)).toBeNull();
  });
});

/**
 * What a fresh reader of the packs answers for each id (the record, whether the packs hold it,
 * where), checked against a reader that has built the map of every id.
 */
async function readerLookups(articlesDir: string, ids: string[]): Promise<unknown[][]> {
  const lookups = async (packs: PackSet) => {
    const out: unknown[][] = [];
    for (const id of ids) out.push([await packs.read(id), packs.has(id), packs.locationOf(id)]);
    return out;
  };
  const withMap = new PackSet(articlesDir, () => Promise.resolve());
  await withMap.refresh(false);
  withMap.liveIds();
  const found = await lookups(new PackSet(articlesDir, () => Promise.resolve()));
  expect(found).toEqual(await lookups(withMap));
  return found;
}

const tagsOf = (r: unknown) =>
  (JSON.parse((r as { text: string }).text) as StoredArticle).record.tags;

describe('a reader of the packs', () => {
  it('finds each newest record without the map of every id, as the map does', async () => {
    const articles = await storedArticles(6);
    const dir = tempDir();
    const articlesDir = join(dir, 'articles');
    // Pack size 1: every append starts a pack, so records of one id lie in several packs.
    const writer = new PackSet(articlesDir, () => Promise.resolve(), 1);
    await writer.append(articles.map(record));
    await writer.append([record(withTags(articles[0]!, ['two'])), record(articles[1]!)]);
    await writer.remove([articles[2]!.record.id]);
    await writer.append([
      record(withTags(articles[0]!, ['three'])),
      record(withTags(articles[0]!, ['four'])),
      record(withTags(articles[2]!, ['back'])),
    ]);
    await writer.remove([articles[3]!.record.id]);
    const found = await readerLookups(articlesDir, [
      ...articles.map((a) => a.record.id),
      'ffffffffffffffff',
    ]);
    const [first, , third, fourth] = found;
    expect(tagsOf(first![0])).toEqual(['four']);
    expect(tagsOf(third![0])).toEqual(['back']);
    expect(fourth![0]).toBeNull();
    expect(fourth![1]).toBe(true);
    expect(found.at(-1)![0]).toBeUndefined();
  });
});

describe('a reader of one pack whose index lags behind it', () => {
  it('finds the newest record past the index before the older ones in it', async () => {
    const articles = await storedArticles(5);
    const articlesDir = join(tempDir(), 'articles');
    // One pack: every rewrite lies later in the same pack as the record it replaces.
    const writer = new PackSet(articlesDir, () => Promise.resolve());
    await writer.append(articles.map(record));
    await writer.append([record(withTags(articles[0]!, ['two']))]);
    await writer.remove([articles[1]!.record.id]);
    await writer.append([record(withTags(articles[0]!, ['three']))]);
    await writer.close();
    // The index keeps its header and the first six lines; the last two records lie past it.
    const idx = join(articlesDir, 'packs', '000001.idx');
    writeFileSync(idx, readFileSync(idx).subarray(0, 16 + 6 * 32));
    const found = await readerLookups(articlesDir, [
      ...articles.map((a) => a.record.id),
      'ffffffffffffffff',
    ]);
    expect(tagsOf(found[0]![0])).toEqual(['three']);
    expect(found[1]![0]).toBeNull();
    expect(tagsOf(found[2]![0])).toEqual(articles[2]!.record.tags);
  });
});

describe('libraries from before packs', () => {
  it('open without loss, move rewritten articles into packs, and are raised to the new format', async () => {
    const articles = await storedArticles(4);
    const ids = articles.map((a) => a.record.id);
    const dir = join(tempDir(), 'lib');
    // A library as format 1 wrote it: a manifest, one file per article, no catalogue.
    await writeLegacyArticles(join(dir, 'articles'), articles);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ format: 1, createdAt: '2020-01-01T00:00:00.000Z', app: 'Archive Reader' }),
    );
    let lib = await openFake(dir);
    expect((await lib.list()).total).toBe(4);
    expect((await lib.get(ids[0]!)).title).toBe(articles[0]!.record.title);
    // The fake index keeps nothing on disk for check to read.
    expect((await lib.check()).problems.filter((p) => p.kind !== 'index')).toEqual([]);
    expect((await readManifest(dir))!.format).toBe(1);

    await lib.addTags([ids[0]!], ['Moved']);
    await lib.trash([ids[1]!]);
    await lib.emptyTrash();
    await lib.close();
    const root = join(dir, 'articles');
    expect(existsSync(legacyPathOf(root, ids[0]!))).toBe(false);
    expect(existsSync(legacyPathOf(root, ids[1]!))).toBe(false);
    expect(existsSync(legacyPathOf(root, ids[2]!))).toBe(true);
    expect(await readManifest(dir)).toMatchObject({
      format: LIBRARY_FORMAT,
      createdAt: '2020-01-01T00:00:00.000Z',
    });

    lib = await openFake(dir);
    expect((await lib.list()).items.map((m) => m.id).sort()).toEqual(
      [ids[0]!, ids[2]!, ids[3]!].sort(),
    );
    expect((await lib.get(ids[0]!)).tags).toEqual(['Moved']);
    expect((await lib.get(ids[3]!)).title).toBe(articles[3]!.record.title);
    expect((await lib.check()).problems.filter((p) => p.kind !== 'index')).toEqual([]);
    await lib.close();
  });

  it('prefers a packed record to the file a crash left beside it', async () => {
    const [a] = await storedArticles(1);
    const dir = tempDir();
    await writeLegacyArticles(join(dir, 'articles'), [a!]);
    await new ArticleStore(dir).write([withTags(a!, ['packed'])]);
    const store = new ArticleStore(dir);
    expect(await store.listIds()).toEqual([a!.record.id]);
    expect((await store.read(a!.record.id))!.record.tags).toEqual(['packed']);
    await store.delete([a!.record.id]);
    expect(await new ArticleStore(dir).listIds()).toEqual([]);
    expect(await new ArticleStore(dir).read(a!.record.id)).toBeNull();
  });
});
