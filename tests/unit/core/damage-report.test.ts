// Damage is reported, never passed off as a good answer: a read-only search over a damaged
// index says so, unreadable article files show in stats() and after a reindex, and check()
// finds every kind of damaged file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenOptions } from '../../../main/core/engine';
import { openLibraryWith, type EngineDeps } from '../../../main/core/library/library-engine';
import { makeSnippet } from '../../../main/core/search/query/snippet';
import { SearchIndex, type IndexTuning } from '../../../main/core/search/segmented-index';
import type { IndexDoc, SearchIndexOptions } from '../../../main/core/search/types';
import { article, openFake, writeArticles } from './library-helpers';
import { articleJson, damageArticleRecord, setArticleText } from './store/article-on-disk';
import { tempDir } from './tmp-dir';

/** Real index; its article reads can be held back to catch a repair half-way. */
function realDeps(tuning: Partial<IndexTuning> = {}, gate?: Promise<void>) {
  const made: SearchIndex[] = [];
  const deps: EngineDeps = {
    createIndex: (options: SearchIndexOptions) => {
      const loadDoc = async (id: string): Promise<IndexDoc | null> => {
        await gate;
        return options.loadDoc(id);
      };
      const index = new SearchIndex({ ...options, loadDoc }, tuning);
      made.push(index);
      return index;
    },
    makeSnippet,
  };
  return { deps, made };
}

async function libraryOf(n: number, options: OpenOptions = {}, tuning: Partial<IndexTuning> = {}) {
  const src = tempDir();
  const dir = join(tempDir(), 'lib');
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`a${i}.txt`] = article(i);
  const paths = writeArticles(src, files);
  const lib = await openLibraryWith(dir, options, realDeps(tuning).deps);
  const summary = await lib.importSources(paths.map((path) => ({ path })));
  expect(summary.imported).toHaveLength(n);
  return { lib, dir, ids: summary.imported.map((a) => a.id) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a damaged search index', () => {
  it('makes a read-only search fail with LIBRARY_CORRUPT while the answer would miss hits', async () => {
    const { lib, dir } = await libraryOf(15, {}, { batchSize: 5, merge: false });
    await lib.close();
    const index = join(dir, 'index');
    const postings = readdirSync(index).filter((f) => f.endsWith('.postings'));
    expect(postings.length).toBeGreaterThan(1);
    truncateSync(join(index, postings[0]!), 10);

    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const { deps, made } = realDeps({ merge: false, searchWaitMs: 20 }, gate);
    const reader = await openLibraryWith(dir, { readOnly: true }, deps);
    await until(() => (made[0]?.damaged().length ?? 0) > 0, 'the damage to be found');
    await expect(reader.search({ query: 'body' })).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      message: expect.stringContaining(`index/${postings[0]}`),
    });
    // Once the in-memory repair is done, the answer is complete again.
    open();
    await until(() => made[0]!.stats().ready, 'the repair');
    expect((await reader.search({ query: 'body' })).total).toBe(15);
    await reader.close();
  });

  it('is repaired by a writable open and searches stay complete', async () => {
    const { lib, dir } = await libraryOf(15, {}, { batchSize: 5, merge: false });
    await lib.close();
    const index = join(dir, 'index');
    const victim = readdirSync(index).find((f) => f.endsWith('.postings'))!;
    truncateSync(join(index, victim), 10);
    const writer = await openLibraryWith(dir, {}, realDeps({ merge: false }).deps);
    const result = await writer.search({ query: 'body', limit: 50 });
    expect(result.partial || result.total === 15).toBe(true);
    await writer.close();
    const again = await openLibraryWith(dir, { readOnly: true }, realDeps().deps);
    expect((await again.search({ query: 'body' })).total).toBe(15);
    expect((await again.check()).problems).toEqual([]);
    await again.close();
  });
});

describe('unreadable article files', () => {
  it('are listed by stats() once read, and by reindex', async () => {
    const { lib, dir, ids } = await libraryOf(4);
    await lib.close();
    const victim = await damageArticleRecord(dir, ids[1]!);
    const writer = await openLibraryWith(dir, {}, realDeps().deps);
    await writer.reindex();
    const stats = await writer.stats();
    expect(stats.index.documents).toBe(3);
    expect(stats.problems).toEqual([{ path: victim, reason: expect.stringMatching(/checksum/) }]);
    await writer.close();
  });
});

describe('check()', () => {
  it('finds nothing wrong in a healthy library, read-only too', async () => {
    const { lib, dir } = await libraryOf(6);
    const report = await lib.check();
    expect(report).toMatchObject({ ok: true, articlesChecked: 6, problems: [] });
    await lib.close();
    const reader = await openFake(dir, { readOnly: true });
    const again = await reader.check();
    expect(again).toMatchObject({ ok: true, articlesChecked: 6, problems: [] });
    // manifest, lock is gone, catalog.json, catalog.journal, index manifest + 2 files per segment
    expect(again.cacheFilesChecked).toBeGreaterThanOrEqual(5);
    expect(again.tookMs).toBeGreaterThanOrEqual(0);
    await reader.close();
  });

  it('names every damaged file with its kind and reason', async () => {
    const { lib, dir, ids } = await libraryOf(6);
    await lib.close();
    // A damaged article record, and one whose text was altered (same length, valid JSON).
    await damageArticleRecord(dir, ids[0]!);
    const file = await articleJson(dir, ids[1]!);
    const bytes = Buffer.from(file.original, 'base64');
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    file.original = bytes.toString('base64');
    await setArticleText(dir, ids[1]!, JSON.stringify(file));
    // The catalogue snapshot and a journal line, the index, the lock.
    const snapshot = readFileSync(join(dir, 'catalog.json'));
    snapshot[snapshot.length - 1] = snapshot[snapshot.length - 1]! ^ 0xff;
    writeFileSync(join(dir, 'catalog.json'), snapshot);
    writeFileSync(join(dir, 'catalog.journal'), '0123456789 {"t":"del","ids":[]}\n');
    const index = join(dir, 'index');
    const postings = readdirSync(index).find((f) => f.endsWith('.postings'))!;
    truncateSync(join(index, postings), 8);
    writeFileSync(join(dir, 'lock'), '{"pid":');

    const reader = await openFake(dir, { readOnly: true });
    const report = await reader.check();
    await reader.close();
    expect(report.ok).toBe(false);
    expect(report.articlesChecked).toBe(6);
    const rel = (id: string) => `articles/packs/000001.pack#${id}`;
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { kind: 'article', path: rel(ids[0]!), reason: expect.stringMatching(/checksum/) },
        { kind: 'article', path: rel(ids[1]!), reason: expect.stringMatching(/altered/) },
        { kind: 'catalog', path: 'catalog.json', reason: expect.stringMatching(/checksum/) },
        { kind: 'catalog', path: 'catalog.journal', reason: expect.stringMatching(/line 1/) },
        { kind: 'index', path: `index/${postings}`, reason: expect.stringMatching(/checksum/) },
        { kind: 'lock', path: 'lock', reason: expect.stringMatching(/damaged/) },
      ]),
    );
    expect(report.problems).toHaveLength(6);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    expect(report.problems.some((p) => p.reason.includes(hash))).toBe(true);
  });

  it('reports a catalogue entry that differs from its article file', async () => {
    const { lib, dir, ids } = await libraryOf(3);
    await lib.addTags([ids[0]!], ['kept']);
    const file = await articleJson(dir, ids[0]!);
    file.record.tags = ['changed behind its back'];
    await setArticleText(dir, ids[0]!, JSON.stringify(file));
    const report = await lib.check();
    expect(report.problems).toEqual([
      {
        kind: 'catalog',
        path: `articles/packs/000001.pack#${ids[0]}`,
        reason: expect.stringMatching(/differs/),
      },
    ]);
    await lib.close();
  });
});
