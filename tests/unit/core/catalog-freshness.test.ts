// A read-only open trusts the catalogue without listing the packs only while the catalogue was
// written after every change to them: an article another program put into the packs, a pack
// restored from a copy with its old times, an article begun but never finished and a library
// with files of its own are all still seen (catalog-freshness.ts).
import { copyFileSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleStore } from '../../../main/core/store/article-store';
import { catalogIsCurrent } from '../../../main/core/store/catalog-freshness';
import { formatJournalLine } from '../../../main/core/store/journal-line';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A closed library of `count` articles, and their ids. */
async function libraryOf(count: number, first = 0) {
  const src = tempDir();
  const files = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`f${first + i}.txt`, article(first + i)]),
  );
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(writeArticles(src, files).map((path) => ({ path })));
  await lib.close();
  return { dir, ids: summary.imported.map((e) => e.id) };
}

/**
 * Makes the catalogue the last thing written, as it is once a writer has journalled its last
 * change (file times can tie within one clock tick in a quick test).
 */
async function catalogueWrittenLast(dir: string): Promise<void> {
  await sleep(30);
  const now = new Date();
  utimesSync(join(dir, 'catalog.journal'), now, now);
}

const packsDir = (dir: string) => join(dir, 'articles', 'packs');
const isCurrent = (dir: string) =>
  catalogIsCurrent(join(dir, 'articles'), join(dir, 'catalog.json'), join(dir, 'catalog.journal'));

describe('catalogue freshness on a read-only open', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does not list the packs when the catalogue was written after them', async () => {
    const { dir, ids } = await libraryOf(3);
    await catalogueWrittenLast(dir);
    expect(await isCurrent(dir)).toBe(true);
    const listIds = vi.spyOn(ArticleStore.prototype, 'listIds');
    const reader = await openFake(dir, { readOnly: true });
    expect((await reader.list()).items.map((m) => m.id).sort()).toEqual([...ids].sort());
    // Articles are still read (from the packs) when asked for.
    expect((await reader.get(ids[0]!)).id).toBe(ids[0]);
    await reader.close();
    expect(listIds).not.toHaveBeenCalled();
    // The writer always lists (it also sweeps what a crash left).
    const writer = await openFake(dir);
    await writer.close();
    expect(listIds).toHaveBeenCalled();
  });

  it('notices an article another program added to the packs', async () => {
    const { dir, ids } = await libraryOf(3);
    const other = await libraryOf(1, 10);
    await catalogueWrittenLast(dir);
    const added = (await new ArticleStore(other.dir).read(other.ids[0]!))!;
    await sleep(30);
    await new ArticleStore(dir).write([added]);
    expect(await isCurrent(dir)).toBe(false);
    const reader = await openFake(dir, { readOnly: true });
    const listed = (await reader.list()).items.map((m) => m.id).sort();
    expect(listed).toEqual([...ids, other.ids[0]!].sort());
    await reader.close();
  });

  it('notices a pack restored from a copy that kept its old times', async () => {
    const { dir, ids } = await libraryOf(2);
    const saved = join(tempDir(), 'saved');
    mkdirSync(saved);
    const names = readdirSync(packsDir(dir));
    for (const name of names) copyFileSync(join(packsDir(dir), name), join(saved, name));
    const times = new Map(names.map((n) => [n, statSync(join(packsDir(dir), n))]));
    // A third article is imported and journalled; then the old packs come back, old times and all.
    const writer = await openFake(dir);
    const src = tempDir();
    const more = await writer.importSources(
      writeArticles(src, { 'late.txt': article(99) }).map((path) => ({ path })),
    );
    await writer.close();
    expect(more.imported).toHaveLength(1);
    await catalogueWrittenLast(dir);
    await sleep(30);
    for (const name of names) {
      copyFileSync(join(saved, name), join(packsDir(dir), name));
      const old = times.get(name)!;
      utimesSync(join(packsDir(dir), name), old.atime, old.mtime);
    }
    expect(await isCurrent(dir)).toBe(false);
    const reader = await openFake(dir, { readOnly: true });
    expect((await reader.list()).items.map((m) => m.id).sort()).toEqual([...ids].sort());
    await reader.close();
  });

  it('reads the articles the journal began but never finished, and drops those with no file', async () => {
    const { dir, ids } = await libraryOf(3);
    const other = await libraryOf(1, 20);
    const added = (await new ArticleStore(other.dir).read(other.ids[0]!))!;
    const store = new ArticleStore(dir);
    // A writer that stopped after writing: one new article written, one article deleted, both
    // begun in the journal and neither finished there.
    await store.write([added]);
    await store.delete([ids[1]!]);
    await sleep(30);
    writeFileSync(
      join(dir, 'catalog.journal'),
      formatJournalLine({ t: 'begin', ids: [other.ids[0]!, ids[1]!] }),
      { flag: 'a' },
    );
    expect(await isCurrent(dir)).toBe(true);
    const listIds = vi.spyOn(ArticleStore.prototype, 'listIds');
    const reader = await openFake(dir, { readOnly: true });
    const listed = (await reader.list()).items.map((m) => m.id).sort();
    expect(listed).toEqual([ids[0]!, ids[2]!, other.ids[0]!].sort());
    await reader.close();
    expect(listIds).not.toHaveBeenCalled();
  });

  it('lists the files of a library that has anything besides packs', async () => {
    const { dir } = await libraryOf(1);
    await catalogueWrittenLast(dir);
    expect(await isCurrent(dir)).toBe(true);
    // An article folder of a library from before packs (or a stray temp file).
    mkdirSync(join(dir, 'articles', 'ab'));
    await catalogueWrittenLast(dir);
    expect(await isCurrent(dir)).toBe(false);
  });

  it('is unsure without a catalogue or without articles', async () => {
    const dir = tempDir();
    expect(await isCurrent(dir)).toBe(false);
    const { dir: lib } = await libraryOf(1);
    await catalogueWrittenLast(lib);
    expect(
      await catalogIsCurrent(join(lib, 'articles'), join(lib, 'none'), join(lib, 'none2')),
    ).toBe(false);
  });
});
