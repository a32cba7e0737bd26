// The watched-folder list and the seen-file stamps on disk: validated on read, atomic on write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeenFiles, isUnder } from '../../../../main/core/watch/seen-files';
import { WatchListStore } from '../../../../main/core/watch/watch-list-store';
import { tempDir } from '../tmp-dir';

describe('WatchListStore', () => {
  it('reads nothing from a library without a list, and reads back what it saved', async () => {
    const dir = tempDir('ar-watch-store-');
    const store = new WatchListStore(dir);
    expect(await store.load()).toEqual([]);
    const folders = [
      { path: '/data/inbox', addedAt: '2026-01-02T03:04:05.000Z' },
      { path: '/data/منابع', addedAt: '2026-01-03T03:04:05.000Z' },
    ];
    await store.save(folders);
    expect(await new WatchListStore(dir).load()).toEqual(folders);
    // Written through a temp file that is gone afterwards.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format": 1, "folders": ['],
    ['a newer format', JSON.stringify({ format: 2, folders: [] })],
    ['folders of the wrong shape', JSON.stringify({ format: 1, folders: [{ path: 3 }] })],
  ])('refuses a damaged list (%s) with LIBRARY_CORRUPT naming the file', async (_, text) => {
    const dir = tempDir('ar-watch-store-');
    const store = new WatchListStore(dir);
    writeFileSync(store.file, text);
    await expect(store.load()).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      message: expect.stringContaining(store.file),
    });
  });
});

describe('SeenFiles', () => {
  it('matches a file only with the same size and time, across a save and load', async () => {
    const dir = tempDir('ar-watch-seen-');
    const seen = new SeenFiles(dir);
    await seen.load();
    seen.record('/w/a.txt', { size: 10, mtimeMs: 1000.5 });
    seen.record('/w/sub/b.txt', { size: 20, mtimeMs: 2000 });
    await seen.save();
    const again = new SeenFiles(dir);
    await again.load();
    expect(again.matches('/w/a.txt', { size: 10, mtimeMs: 1000.5 })).toBe(true);
    expect(again.matches('/w/a.txt', { size: 11, mtimeMs: 1000.5 })).toBe(false);
    expect(again.matches('/w/a.txt', { size: 10, mtimeMs: 1001 })).toBe(false);
    expect(again.matches('/w/c.txt', { size: 10, mtimeMs: 1000.5 })).toBe(false);
  });

  it('forgets the files under a folder, except those kept', async () => {
    const dir = tempDir('ar-watch-seen-');
    const seen = new SeenFiles(dir);
    for (const p of ['/w/a.txt', '/w/sub/b.txt', '/w2/c.txt', '/wx/d.txt'])
      seen.record(p, { size: 1, mtimeMs: 1 });
    expect(seen.forgetUnder('/w', (p) => p === '/w/a.txt')).toBe(1);
    expect(seen.matches('/w/a.txt', { size: 1, mtimeMs: 1 })).toBe(true);
    expect(seen.matches('/w/sub/b.txt', { size: 1, mtimeMs: 1 })).toBe(false);
    // A folder whose name starts the same is another folder.
    expect(seen.matches('/w2/c.txt', { size: 1, mtimeMs: 1 })).toBe(true);
    expect(seen.matches('/wx/d.txt', { size: 1, mtimeMs: 1 })).toBe(true);
  });

  it('starts empty from a damaged file (it is only a cache) and does not write when unchanged', async () => {
    const dir = tempDir('ar-watch-seen-');
    const seen = new SeenFiles(dir);
    writeFileSync(seen.file, '{"format":1,"files":[["/a",-1,2]]}');
    await seen.load();
    expect(seen.size).toBe(0);
    await seen.save();
    expect(readFileSync(seen.file, 'utf8')).toContain('-1');
    seen.record('/a', { size: 1, mtimeMs: 2 });
    await seen.save();
    expect(JSON.parse(readFileSync(seen.file, 'utf8'))).toEqual({
      format: 1,
      files: [['/a', 1, 2]],
    });
  });

  it('tells a path under a folder from one beside it', () => {
    expect(isUnder('/a/b/c.txt', '/a/b')).toBe(true);
    expect(isUnder('/a/b', '/a/b')).toBe(true);
    expect(isUnder('/a/bc/d.txt', '/a/b')).toBe(false);
  });
});
