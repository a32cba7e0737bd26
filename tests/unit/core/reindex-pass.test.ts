// A reindex reads each article once (in disk order, prepared on reindex workers or on the
// library's thread) and leaves the library as an import left it: the same search results,
// version groups, entities and dates; unreadable articles are still reported.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEngine, OpenOptions } from '../../../main/core/engine';
import { openLibrary } from '../../../main/core/library';
import { ArticleStore } from '../../../main/core/store/article-store';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import { recordThreadUsage, threadUsage } from '../../../main/core/workers/thread-usage';
import { seeded, story, VERSIONS, vocabulary } from '../../support/stories';
import { writeArticles } from './library-helpers';
import { damageArticleRecord } from './store/article-on-disk';
import { readEntityCache, writeEntityCache } from '../../../main/core/entities/entity-cache';
import { EXTRACTOR_VERSION } from '../../../main/core/entities/extract-entities';
import { CLEANER_VERSION } from '../../../main/core/text/parse-article';
import { tempDir } from './tmp-dir';

const withWorkers: OpenOptions = {
  workerScript: sourceWorkerScript(resolve(__dirname, '..', '..', '..'), 'index-worker'),
  workerExecArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};

const rand = seeded(11);
const vocab = vocabulary(2000, rand);

/** Stories with versions, articles naming people, organisations and places, dated ones. */
function corpus(): Record<string, string> {
  const a = story(rand, vocab);
  const b = story(rand, vocab);
  const files: Record<string, string> = {
    'a.txt': a,
    'a-headline.txt': VERSIONS.headline(a),
    'a-cut.txt': VERSIONS.dateline(VERSIONS.lastParagraphCut(a)),
    'b.txt': b,
    'b-cut.txt': VERSIONS.firstParagraphCut(b),
    'talks.txt':
      'Harbour talks resume\n\nNAIROBI - Maria Lopez, the envoy of the United Nations, met ' +
      'Peter Otieno of the Kenya Ports Authority on Monday. Lopez said the talks in Nairobi ' +
      'would go on.\n\nOtieno told the Kenya Ports Authority board that Mombasa was ready.',
    'budget.txt':
      'Budget passed\n\nPublished: 3 March 1999\n\nThe budget passed after a long night. ' +
      'Finance minister Anna Berg thanked the European Commission.',
    'undated.txt': 'Undated note\n\nNo date in this story at all, and nobody named either.',
  };
  for (let i = 0; i < 30; i++) files[`s${i}.txt`] = story(rand, vocab, 3);
  return files;
}

const QUERIES = [
  'talks',
  'budget OR harbour',
  '"kenya ports authority"',
  'person:"maria lopez"',
  'org:"european commission"',
  'place:nairobi',
  'date:1999',
  ...vocab.slice(0, 12),
];

/** Everything a reindex rebuilds, as the library answers it. */
async function snapshot(lib: LibraryEngine) {
  // First: listing them waits for the names an import leaves to extract after it returns, which
  // searches by name (org:) answer from.
  const entities = await lib.listEntities({});
  const searches: Record<string, unknown> = {};
  for (const q of QUERIES) {
    const r = await lib.search({ query: q, limit: 100 });
    searches[q] = { total: r.total, ids: r.hits.map((h) => h.id) };
  }
  const list = await lib.list({ limit: 1000 });
  return {
    searches,
    versions: await lib.listVersions(),
    entities,
    dates: Object.fromEntries(list.items.map((m) => [m.id, m.articleDate])),
    documents: (await lib.stats()).index.documents,
  };
}

async function imported(options: OpenOptions) {
  const dir = join(tempDir(), 'lib');
  const lib = await openLibrary(dir, options);
  const paths = writeArticles(tempDir(), corpus());
  const summary = await lib.importSources(paths.map((path) => ({ path })));
  expect(summary.failed).toEqual([]);
  return { lib, dir, ids: summary.imported.map((a) => a.id) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one-pass reindex', () => {
  for (const [label, options] of [
    ['on reindex workers', withWorkers],
    ['on the library thread', {}],
  ] as const) {
    it(`gives what the import gave: searches, versions, entities, dates (${label})`, async () => {
      const { lib, dir } = await imported(options);
      const before = await snapshot(lib);
      expect(before.versions.groups.length).toBe(2);
      expect(before.entities.entities.length).toBeGreaterThan(3);
      await lib.close();

      recordThreadUsage();
      const again = await openLibrary(dir, options);
      const reads = vi.spyOn(ArticleStore.prototype, 'read');
      const progress: number[] = [];
      await again.reindex({ onProgress: (p) => progress.push(p.done) });
      // One sequential pass: no article was read on its own.
      expect(reads).not.toHaveBeenCalled();
      expect(progress.at(-1)).toBe(before.documents);
      const workers = threadUsage().filter((t) => t.name.startsWith('reindex worker'));
      if (options.workerScript) expect(workers.some((w) => w.activeMs > 0)).toBe(true);
      else expect(workers).toEqual([]);
      expect(await snapshot(again)).toEqual(before);
      await again.close();

      // And the caches it wrote serve the next open alike.
      const reopened = await openLibrary(dir, options);
      expect(await snapshot(reopened)).toEqual(before);
      await reopened.close();
    });
  }

  it('keeps the entities its cache holds for this extractor, finds those it lacks', async () => {
    const { lib, dir, ids } = await imported({});
    await lib.listEntities({});
    await lib.close();
    const key = { extractorVersion: EXTRACTOR_VERSION, cleanerVersion: CLEANER_VERSION };
    const cache = (await readEntityCache(dir, key))!;
    const talks = ids.find((id) => cache.get(id)?.some((n) => n.name.includes('Lopez')))!;
    const budget = ids.find((id) => cache.get(id)?.some((n) => n.name.includes('Berg')))!;
    const found = cache.get(budget)!;
    // A marker no extractor would find: kept only if the reindex reuses the cached entry.
    cache.set(talks, [{ type: 'person', name: 'Cached Marker' }]);
    cache.delete(budget);
    await writeEntityCache(dir, cache, key);

    const again = await openLibrary(dir, {});
    await again.reindex();
    await again.close();
    const after = (await readEntityCache(dir, key))!;
    expect(after.get(talks)).toEqual([{ type: 'person', name: 'Cached Marker' }]);
    expect(after.get(budget)).toEqual(found);
  });

  it('reports an unreadable article and indexes the others', async () => {
    const { lib, dir, ids } = await imported(withWorkers);
    const before = await snapshot(lib);
    await lib.close();
    const bad = ids[0]!;
    await damageArticleRecord(dir, bad);
    const again = await openLibrary(dir, withWorkers);
    await again.reindex();
    const stats = await again.stats();
    expect(stats.index.documents).toBe(before.documents - 1);
    expect((stats.problems ?? []).map((p) => p.path).filter((p) => p.includes(bad))).toHaveLength(
      1,
    );
    expect((await again.search({ query: vocab[0]!, limit: 100 })).hits.map((h) => h.id)).toEqual(
      (before.searches[vocab[0]!] as { ids: string[] }).ids.filter((id) => id !== bad),
    );
    await again.close();
  });
});
