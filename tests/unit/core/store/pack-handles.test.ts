// Pack files held open between reads: the writer's handles follow compaction (a pack rewritten
// and renamed over itself is opened again), are closed with the store, and a sequential read
// of many articles gives what one read at a time gives.
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, StoredArticle } from '../../../../main/core/store/article-file';
import { decodeArticleFile } from '../../../../main/core/store/article-file';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { article, openFake, writeArticles } from '../library-helpers';
import { tempDir } from '../tmp-dir';
import { storedArticles } from './stored-articles';

// Open files are listed in /proc on Linux; elsewhere the counts below are not checked.
const procFds = process.platform === 'linux';

/** What this process's open files that are packs point to ("… (deleted)" once replaced). */
function openPacks(): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      if (/\.pack( \(deleted\))?$/.test(target)) out.push(target);
    } catch {
      // Closed while listed.
    }
  }
  return out;
}

const withTags = (a: StoredArticle, tags: string[]): StoredArticle => ({
  record: { ...a.record, tags, rev: a.record.rev + 1 } as ArticleRecord,
  original: a.original,
});

describe('pack file handles', () => {
  it('a writer keeps its pack open, and reads the right articles after compaction', async () => {
    const articles = await storedArticles(6, 'Handle');
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles);
    for (const a of articles) expect(await store.read(a.record.id)).toEqual(a);
    if (procFds) expect(openPacks()).toHaveLength(1);
    // Most of the pack dead: it is rewritten beside itself and renamed over the open file.
    await store.delete(articles.slice(0, 4).map((a) => a.record.id));
    for (const a of articles.slice(4)) expect(await store.read(a.record.id)).toEqual(a);
    for (const a of articles.slice(0, 4)) expect(await store.read(a.record.id)).toBeNull();
    // Rewrites of one article compact the pack again and again.
    const kept = articles[4]!;
    for (let i = 0; i < 8; i++) {
      await store.write([withTags(kept, [`tag ${i}`])]);
      expect((await store.read(kept.record.id))!.record.tags).toEqual([`tag ${i}`]);
      expect(await store.read(articles[5]!.record.id)).toEqual(articles[5]);
    }
    if (procFds) {
      // One handle, on the pack as it is now, never on a replaced file.
      expect(openPacks()).toHaveLength(1);
      expect(openPacks()[0]).not.toMatch(/\(deleted\)$/);
    }
    await store.close();
    if (procFds) expect(openPacks()).toEqual([]);
    // Reads after close still work, each with a handle of its own.
    expect(await store.read(articles[5]!.record.id)).toEqual(articles[5]);
    if (procFds) expect(openPacks()).toEqual([]);
  });

  it('a store that only reads keeps no pack open (another process may rewrite it)', async () => {
    const articles = await storedArticles(3, 'Handle');
    const dir = tempDir();
    const writer = new ArticleStore(dir);
    await writer.write(articles);
    await writer.close();
    const reader = new ArticleStore(dir);
    for (const a of articles) expect(await reader.read(a.record.id)).toEqual(a);
    if (procFds) expect(openPacks()).toEqual([]);
  });

  it('closes the packs it kept open when the library closes', async () => {
    const base = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`c${i}.txt`] = article(i, `Closing ${i}`);
    const lib = await openFake(join(base, 'lib'));
    const summary = await lib.importSources(
      writeArticles(join(base, 'src'), files).map((path) => ({ path })),
    );
    for (const { id } of summary.imported) expect((await lib.get(id)).id).toBe(id);
    if (procFds) expect(openPacks().length).toBeGreaterThan(0);
    await lib.close();
    if (procFds) expect(openPacks()).toEqual([]);
  });

  it('reads many articles in disk order, as read() gives each', async () => {
    const articles = await storedArticles(7, 'Handle');
    const dir = tempDir();
    const store = new ArticleStore(dir);
    await store.write(articles.slice(0, 4));
    await store.write(articles.slice(4));
    await store.write([withTags(articles[1]!, ['again'])]);
    await store.delete([articles[2]!.record.id]);
    const ids = articles.map((a) => a.record.id);
    const order = await store.diskOrder([...ids].reverse());
    expect([...order].sort()).toEqual([...ids].sort());
    // The rewritten article lies last; the deleted one's tombstone after it.
    expect(order.slice(-2)).toEqual([articles[1]!.record.id, articles[2]!.record.id]);
    const got = new Map<string, Buffer | null>();
    for await (const batch of store.readRaw(order)) {
      for (const { id, payload } of batch) got.set(id, payload);
    }
    expect([...got.keys()]).toEqual(order);
    for (const id of ids) {
      const one = await store.read(id);
      const bytes = got.get(id);
      if (one === null) expect(bytes).toBeNull();
      else expect(decodeArticleFile(bytes!.toString('utf8'), id)).toEqual(one);
    }
    await store.close();
  });
});
