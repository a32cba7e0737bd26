import { hasArticle } from './store/article-on-disk';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../main/core/engine';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

async function libraryWith(n: number) {
  const src = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`p${i}.txt`] = article(i, `Purge title ${i}`);
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(writeArticles(src, files).map((path) => ({ path })));
  return { lib, dir, ids: summary.imported.map((e) => e.id) };
}

const fileOf = (dir: string, id: string) => hasArticle(dir, id);

describe('purge (delete chosen trashed articles for good)', () => {
  it('deletes only the named trashed articles and leaves the rest of the trash', async () => {
    const { lib, dir, ids } = await libraryWith(4);
    const [a, b, c, d] = ids as [string, string, string, string];
    await lib.trash([a, b, c]);
    const changes: LibraryChange[] = [];
    lib.onChange((change) => changes.push(change));

    expect(await lib.purge([a, b, a])).toEqual({ removed: 2 });

    await expect(lib.get(a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await fileOf(dir, a)).toBe(false);
    expect(await fileOf(dir, c)).toBe(true);
    expect((await lib.list({ view: 'trash' })).items.map((m) => m.id)).toEqual([c]);
    expect((await lib.list()).items.map((m) => m.id)).toEqual([d]);
    expect(changes).toEqual([{ reason: 'trash', ids: [a, b] }]);
    await lib.close();

    const again = await openFake(dir);
    expect((await again.list({ view: 'trash' })).total).toBe(1);
    await expect(again.get(b)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await again.close();
  });

  it('refuses an article that is not in the trash, and deletes nothing then', async () => {
    const { lib, ids } = await libraryWith(2);
    const [a, b] = ids as [string, string];
    await lib.trash([a]);
    await expect(lib.purge([a, b])).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/not in the trash/) as unknown,
    });
    expect((await lib.get(a)).trashedAt).not.toBeNull();
    expect((await lib.get(b)).trashedAt).toBeNull();
    await expect(lib.purge(['0123456789abcdef'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(lib.purge(['nope'])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await lib.close();
  });

  it('refuses an article restored by a write queued before it', async () => {
    const { lib, ids } = await libraryWith(1);
    const [a] = ids as [string];
    await lib.trash([a]);
    const restored = lib.restore([a]);
    await expect(lib.purge([a])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await restored;
    expect((await lib.get(a)).trashedAt).toBeNull();
    await lib.close();
  });
});

describe('tagsOf (the tags a selection carries)', () => {
  it('counts each tag over the named articles only, trashed ones included', async () => {
    const { lib, ids } = await libraryWith(4);
    const [a, b, c, d] = ids as [string, string, string, string];
    await lib.addTags([a, b], ['Europe']);
    await lib.addTags([b], ['politics']);
    await lib.addTags([d], ['unrelated']);
    await lib.trash([b]);
    expect(await lib.tagsOf([a, b, c, a])).toEqual([
      { name: 'Europe', count: 2 },
      { name: 'politics', count: 1 },
    ]);
    expect(await lib.tagsOf([c])).toEqual([]);
    await expect(lib.tagsOf(['0123456789abcdef'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await lib.close();
  });
});
