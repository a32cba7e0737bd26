import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import type { LibraryChange } from '../../../main/core/engine';
import { LIBRARY_FORMAT } from '../../../main/core/store/manifest';
import { article, openFake, writeArticles } from './library-helpers';
import { articleJson, articleText, hasArticle, setArticleText } from './store/article-on-disk';
import { tempDir } from './tmp-dir';

async function libraryWith(n: number): Promise<{ lib: LibraryEngine; dir: string; ids: string[] }> {
  const src = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++)
    files[`a${i}.txt`] = article(i, `Title ${String.fromCharCode(65 + ((i * 7) % 26))} ${i}`);
  const paths = writeArticles(src, files);
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(paths.map((path) => ({ path })));
  return { lib, dir, ids: summary.imported.map((e) => e.id) };
}

describe('tags', () => {
  it('adds, lists with counts, removes, renames, merges, deletes and undoes', async () => {
    const { lib, ids } = await libraryWith(3);
    const [a, b, c] = ids as [string, string, string];
    await lib.addTags([a, b], ['  Europe ', 'politics']);
    await lib.addTags([c], ['EUROPE']);
    expect((await lib.get(c)).tags).toEqual(['Europe']);
    expect(await lib.listTags()).toEqual([
      { name: 'Europe', count: 3 },
      { name: 'politics', count: 2 },
    ]);
    const before = await lib.removeTags([a], ['POLITICS']);
    expect((await lib.get(a)).tags).toEqual(['Europe']);
    await lib.restoreTags(before);
    expect((await lib.get(a)).tags).toEqual(['Europe', 'politics']);

    const renamed = await lib.renameTag('politics', 'Policy');
    expect((await lib.get(b)).tags).toEqual(['Europe', 'Policy']);
    await lib.restoreTags(renamed);
    expect((await lib.get(b)).tags).toEqual(['Europe', 'politics']);

    await lib.renameTag('politics', 'europe'); // merge into an existing tag
    expect((await lib.get(a)).tags).toEqual(['Europe']);
    expect(await lib.listTags()).toEqual([{ name: 'Europe', count: 3 }]);

    const deleted = await lib.deleteTag('europe');
    expect(await lib.listTags()).toEqual([]);
    await lib.restoreTags(deleted);
    expect((await lib.listTags())[0]).toEqual({ name: 'Europe', count: 3 });
    await lib.close();
  });

  it('rejects bad tags and ids with BAD_ARGUMENT and unknown ids with NOT_FOUND', async () => {
    const { lib, ids } = await libraryWith(1);
    await expect(lib.addTags(ids, ['  '])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(lib.addTags(ids, ['x'.repeat(65)])).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(lib.addTags(ids, ['tab\there'])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(lib.addTags(['nothex'], ['ok'])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(lib.get('0123456789abcdef')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('0123456789abcdef'),
    });
    await expect(lib.renameTag('nope', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(lib.setPosition(ids[0]!, 1.5)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await lib.close();
  });

  it('bumps rev and sends tag changes to the index', async () => {
    const { lib, dir, ids } = await libraryWith(1);
    await lib.addTags(ids, ['Science']);
    const file = await articleJson(dir, ids[0]!);
    expect(file.record.rev).toBe(2);
    expect(file.record.tags).toEqual(['Science']);
    await lib.close();
  });
});

describe('list', () => {
  it('sorts by title, imported and date, filters by view, tag, place and language, and pages', async () => {
    const { lib, ids } = await libraryWith(12);
    const byTitle = await lib.list({ sort: 'title', order: 'asc', limit: 100 });
    const titles = byTitle.items.map((m) => m.title);
    expect(titles).toEqual(
      [...titles].sort((x, y) =>
        x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' }),
      ),
    );
    const desc = await lib.list({ sort: 'title', order: 'desc', limit: 100 });
    expect(desc.items.map((m) => m.title)).toEqual([...titles].reverse());
    const page = await lib.list({ sort: 'title', order: 'asc', offset: 5, limit: 4 });
    expect(page).toMatchObject({ total: 12, offset: 5 });
    expect(page.items.map((m) => m.title)).toEqual(titles.slice(5, 9));

    await lib.setRead([ids[0]!, ids[1]!], true);
    await lib.setFavourite([ids[2]!], true);
    await lib.addTags([ids[3]!, ids[4]!], ['x']);
    await lib.addTags([ids[4]!], ['y']);
    expect((await lib.list({ view: 'unread' })).total).toBe(10);
    expect((await lib.list({ view: 'favourites' })).items.map((m) => m.id)).toEqual([ids[2]]);
    expect((await lib.list({ tags: ['X', 'y'] })).items.map((m) => m.id)).toEqual([ids[4]]);
    expect((await lib.list({ place: 'london' })).total).toBe(12);
    expect((await lib.list({ language: 'fr' })).total).toBe(0);
    const byDate = await lib.list({ sort: 'date', order: 'asc', limit: 100 });
    expect(byDate.total).toBe(12);
    await expect(lib.list({ limit: -1 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await lib.close();
  });
});

describe('trash', () => {
  it('moves articles out of the lists, restores them and empties for good', async () => {
    const { lib, dir, ids } = await libraryWith(3);
    // The import's entities are extracted after it returns, with a change of their own.
    await lib.listEntities({});
    const changes: LibraryChange[] = [];
    lib.onChange((c) => changes.push(c));
    await lib.trash([ids[0]!, ids[1]!]);
    expect((await lib.list()).total).toBe(1);
    expect((await lib.list({ view: 'trash' })).total).toBe(2);
    expect((await lib.stats()).trash).toBe(2);
    await lib.restore([ids[1]!]);
    expect((await lib.list()).total).toBe(2);
    expect(await lib.emptyTrash()).toEqual({ removed: 1 });
    expect((await lib.list({ view: 'trash' })).total).toBe(0);
    await expect(lib.get(ids[0]!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await hasArticle(dir, ids[0]!)).toBe(false);
    expect(await articleText(dir, ids[0]!)).toBeNull();
    expect(changes.map((c) => c.reason)).toEqual(['trash', 'trash', 'trash']);
    await lib.close();
  });
});

describe('persistence and recovery', () => {
  it('keeps tags, state and trash across a reopen', async () => {
    const { lib, dir, ids } = await libraryWith(3);
    await lib.addTags([ids[0]!], ['Kept']);
    await lib.setRead([ids[1]!], true);
    await lib.setPosition(ids[1]!, 0.25);
    await lib.trash([ids[2]!]);
    await lib.close();
    const again = await openFake(dir);
    expect((await again.get(ids[0]!)).tags).toEqual(['Kept']);
    expect((await again.get(ids[1]!)).position).toBe(0.25);
    expect((await again.get(ids[1]!)).read).toBe(true);
    expect((await again.list({ view: 'trash' })).items.map((m) => m.id)).toEqual([ids[2]]);
    await again.close();
  });

  it('replays the journal when the process never closed the library', async () => {
    const { lib, dir, ids } = await libraryWith(2);
    await lib.addTags([ids[0]!], ['Journal']);
    // No close(): simulate a crash by dropping the lock file by hand.
    rmSync(join(dir, 'lock'));
    const again = await openFake(dir);
    expect((await again.get(ids[0]!)).tags).toEqual(['Journal']);
    await again.close();
    await lib.close().catch(() => undefined);
  });

  it('rebuilds a deleted or corrupt catalogue from the article files', async () => {
    const { lib, dir, ids } = await libraryWith(4);
    await lib.addTags([ids[0]!], ['Survives']);
    await lib.close();
    rmSync(join(dir, 'catalog.json'));
    rmSync(join(dir, 'catalog.journal'), { force: true });
    let again = await openFake(dir);
    expect((await again.list()).total).toBe(4);
    expect((await again.get(ids[0]!)).tags).toEqual(['Survives']);
    await again.close();
    const text = readFileSync(join(dir, 'catalog.json'), 'utf8');
    expect(text).toContain('Survives');
    writeFileSync(join(dir, 'catalog.json'), text.replace('Survives', 'Damaged!'));
    again = await openFake(dir);
    expect((await again.get(ids[0]!)).tags).toEqual(['Survives']);
    expect((await again.list()).total).toBe(4);
    await again.close();
  });

  it('reports corrupt article files without deleting them, and sweeps temp files', async () => {
    const { lib, dir, ids } = await libraryWith(3);
    await lib.close();
    await setArticleText(dir, ids[0]!, '{"format":1,"record":');
    rmSync(join(dir, 'catalog.json'));
    const temp = join(dir, 'articles', 'packs', `.000001.pack.abcdef.tmp`);
    writeFileSync(temp, 'half');
    writeFileSync(join(dir, '.catalog.json.123456.tmp'), 'half');
    const again = await openFake(dir);
    const stats = await again.stats();
    expect(stats.articles).toBe(2);
    expect(stats.problems).toEqual([
      {
        path: expect.stringMatching(/articles[\\/]packs[\\/]000001\.pack#/),
        reason: expect.stringMatching(/JSON|damaged/),
      },
    ]);
    expect(await articleText(dir, ids[0]!)).toBe('{"format":1,"record":');
    expect(readdirSync(join(dir, 'articles', 'packs'))).not.toContain('.000001.pack.abcdef.tmp');
    expect(readdirSync(dir)).not.toContain('.catalog.json.123456.tmp');
    await again.close();
  });

  it('locks out a second writer, allows read-only opens that reject writes', async () => {
    const { lib, dir, ids } = await libraryWith(1);
    await expect(openFake(dir)).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
    const reader = await openFake(dir, { readOnly: true });
    expect((await reader.list()).total).toBe(1);
    await expect(reader.addTags(ids, ['x'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reader.importSources([])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await reader.close();
    await lib.close();
  });

  it('refuses newer formats, missing libraries and folders of other files', async () => {
    const base = tempDir();
    const dir = join(base, 'lib');
    const lib = await openFake(dir);
    await lib.close();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: LIBRARY_FORMAT + 1 }));
    await expect(openFake(dir)).rejects.toMatchObject({ code: 'LIBRARY_VERSION' });
    await expect(openFake(join(base, 'none'), { create: false })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const docs = join(base, 'docs');
    writeArticles(docs, { 'letter.odt': 'x' });
    await expect(openFake(docs)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});

describe('index feeding', () => {
  it('sends imported documents to the index in batches and reconciles on reopen', async () => {
    const { openLibraryWith } = await import('../../../main/core/library/library-engine');
    const { fakeDeps } = await import('./fake-index');
    const src = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = article(i);
    writeArticles(src, files);
    const dir = join(tempDir(), 'lib');
    const deps = fakeDeps();
    const lib = await openLibraryWith(dir, {}, deps);
    await lib.importSources([{ path: src }]);
    const index = deps.indexes[0]!;
    expect(index.docs.size).toBe(300);
    expect(index.upserts).toBeGreaterThan(0);
    expect(index.upserts).toBeLessThan(10);
    const some = [...index.docs.values()][0]!;
    expect(some.body).toContain('A second paragraph');
    await lib.addTags([some.id], ['Indexed']);
    expect(index.docs.get(some.id)).toMatchObject({ rev: 2, tags: ['Indexed'] });
    await lib.reindex();
    expect(deps.indexes).toHaveLength(2);
    expect(deps.indexes[1]!.docs.get(some.id)).toMatchObject({ rev: 2, tags: ['Indexed'] });
    expect((await lib.stats()).index).toEqual({ ready: true, segments: 1, documents: 300 });
    await lib.close();
  });
});
