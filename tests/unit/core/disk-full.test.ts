// A full disk: DISK_FULL (not INTERNAL) wherever the store writes, a message that says what was
// kept, nothing half-done left behind (temp files, article files of a failed batch, the lock).
import fs, { existsSync, readdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryWith } from '../../../main/core/library/library-engine';
import { makeSnippet } from '../../../main/core/search/query/snippet';
import { SearchIndex } from '../../../main/core/search/segmented-index';
import { ArticleStore } from '../../../main/core/store/article-store';
import { writeFileAtomic } from '../../../main/core/store/atomic-write';
import { acquireLock } from '../../../main/core/store/lock';
import { injectDiskFull } from '../../support/inject-enospc';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const restores: (() => void)[] = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});
function diskFullUnder(under: string, after: number): void {
  restores.push(injectDiskFull({ under, after }));
}

/** Every file under `dir`, relative, sorted. */
function allFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
const tempFiles = (dir: string): string[] =>
  allFiles(dir).filter((f) => /(^|\/)\.[^/]*\.tmp$/.test(f));

function sources(n: number): string[] {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`a${String(i).padStart(3, '0')}.txt`] = article(i);
  return writeArticles(tempDir(), files);
}

describe('a full disk in the store', () => {
  it('an atomic write says DISK_FULL and leaves no temp file', async () => {
    const dir = tempDir();
    diskFullUnder(dir, 0);
    await expect(writeFileAtomic(join(dir, 'catalog.json'), 'x')).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('catalog.json'),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('taking the lock says DISK_FULL and leaves no .lock temp file', async () => {
    const dir = tempDir();
    diskFullUnder(dir, 0);
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops an import, says how many articles were kept, and keeps exactly those', async () => {
    const dir = join(tempDir(), 'lib');
    const lib = await openFake(dir);
    // The first chunk (32 articles) fits (its pack and the pack's index); the disk is full
    // from the next one on.
    diskFullUnder(join(dir, 'articles'), 2);
    const err = await lib
      .importSources(sources(100).map((path) => ({ path })))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'DISK_FULL',
      message: 'The disk is full: 32 articles were imported and kept; nothing else was changed.',
    });
    expect((await lib.list()).total).toBe(32);
    await lib.close();
    restores.splice(0).forEach((r) => r());
    expect(tempFiles(dir)).toEqual([]);
    expect(await new ArticleStore(dir).listIds()).toHaveLength(32);
    const again = await openFake(dir);
    expect((await again.list()).total).toBe(32);
    await again.close();
  });

  it('keeps none of a batch whose append failed part way', async () => {
    const dir = join(tempDir(), 'lib');
    const lib = await openFake(dir);
    const realWrite = fs.writeSync;
    // Half of the chunk reaches the pack before the disk fills up.
    fs.writeSync = ((fd: number, data: Buffer, ...rest: number[]) => {
      if (data.length > 4096) {
        realWrite(fd, data, 0, data.length >> 1, rest[2]);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      return realWrite(fd, data, ...rest);
    }) as typeof fs.writeSync;
    syncBuiltinESMExports();
    restores.push(() => {
      fs.writeSync = realWrite;
      syncBuiltinESMExports();
    });
    const err = await lib
      .importSources(sources(20).map((path) => ({ path })))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/^The disk is full: 0 articles were/),
    });
    await lib.close();
    restores.splice(0).forEach((r) => r());
    expect(allFiles(join(dir, 'articles'))).toEqual([]);
    const again = await openFake(dir);
    expect((await again.list()).total).toBe(0);
    await again.close();
  });

  it('closing still releases the lock when the index cannot be saved, and says what was kept', async () => {
    const dir = join(tempDir(), 'lib');
    const deps = {
      createIndex: (o: ConstructorParameters<typeof SearchIndex>[0]) => new SearchIndex(o),
      makeSnippet,
    };
    const lib = await openLibraryWith(dir, {}, deps);
    const summary = await lib.importSources(sources(5).map((path) => ({ path })));
    expect(summary.imported).toHaveLength(5);
    diskFullUnder(join(dir, 'index'), 0);
    await expect(lib.close()).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('every change was kept'),
    });
    expect(existsSync(join(dir, 'lock'))).toBe(false);
    restores.splice(0).forEach((r) => r());
    expect(tempFiles(dir)).toEqual([]);
    const again = await openLibraryWith(dir, {}, deps);
    expect((await again.search({ query: 'body' })).total).toBe(5);
    await again.close();
  });
});
