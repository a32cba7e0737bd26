import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import { doc, ids, MemoryStore, openIndex } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();
const many = (n: number, prefix = 'd'): ReturnType<typeof doc>[] =>
  Array.from({ length: n }, (_, i) =>
    doc(`${prefix}${i}`, {
      title: `Report ${i}`,
      body: `common word${i % 7} shared text number${i}`,
    }),
  );

/** An index of 60 documents in one segment, opened with `reclaimQuietMs`, and `removed` gone. */
async function withDead(d: string, reclaimQuietMs: number, removed: string[]) {
  const docs = many(60);
  const store = new MemoryStore(docs);
  const index = await openIndex(d, store, {}, { reclaimQuietMs }, new Map());
  await index.upsert(docs);
  for (const id of removed) store.docs.delete(id);
  await index.remove(removed);
  return { store, index };
}

/** The dead documents the saved manifest in `d` lists. */
async function deadIn(d: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8')) as {
    segments: { dead: string[] }[];
  };
  return manifest.segments.flatMap((s) => s.dead).sort();
}

describe('segments, merges and tombstones', () => {
  it('upsert replaces the old version and remove hides a document', async () => {
    const store = new MemoryStore([doc('a', { body: 'alpha' })]);
    const index = await openIndex(await dir(), store, {}, { merge: false });
    expect(ids(await index.search('alpha'))).toEqual(['a']);
    const v2 = doc('a', { rev: 2, body: 'beta' });
    store.put(v2);
    await index.upsert([v2]);
    expect(ids(await index.search('alpha'))).toEqual([]);
    expect(ids(await index.search('beta'))).toEqual(['a']);
    expect(index.stats().documents).toBe(1);
    await index.remove(['a']);
    expect(ids(await index.search('beta'))).toEqual([]);
    expect(index.stats()).toMatchObject({ documents: 0, segments: 0 });
    await index.close();
  });

  it('merges small segments in the background and keeps every document findable', async () => {
    const docs = many(24);
    const store = new MemoryStore(docs);
    // Merges re-read articles from the store, so the store holds them from the start.
    const index = await openIndex(await dir(), store, {}, {}, new Map());
    for (const d of docs) await index.upsert([d]);
    // Replace one and remove one while merges may be running.
    const changed = doc('d3', { rev: 2, title: 'Changed', body: 'replaced content' });
    store.put(changed);
    await index.upsert([changed]);
    store.docs.delete('d5');
    await index.remove(['d5']);
    await index.flush();
    const s = index.stats();
    expect(s.documents).toBe(23);
    expect(s.segments).toBeLessThan(8);
    expect((await index.search('common')).hits).toHaveLength(22);
    expect(ids(await index.search('replaced'))).toEqual(['d3']);
    // Once merges reclaim the dead version, no article holds number5 and the search is
    // respelt (number4, number6…): the removed article must not be among what it finds.
    expect(ids(await index.search('number5'))).not.toContain('d5');
    expect(ids(await index.search('number7'))).toEqual(['d7']);
    await index.close();
  });

  it('reclaims a small share of dead documents only once no build has run for a while', async () => {
    const d = await dir();
    const removed = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const { store, index } = await withDead(d, 1_500, removed);
    const dead = async (): Promise<string[]> => {
      await index.flush();
      return deadIn(d);
    };
    // A twelfth of the segment is dead: worth a rewrite, but not between a bulk edit's chunks.
    expect(await dead()).toEqual(removed);
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const more = doc(`late${i}`, { body: `common late${i}` });
      store.put(more);
      await index.upsert([more]);
    }
    expect(await dead()).toEqual(removed);
    // Once quiet, the segment is rewritten without them.
    const until = Date.now() + 15_000;
    while ((await dead()).length > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await dead()).toEqual([]);
    expect((await index.search('common')).hits).toHaveLength(61);
    await index.close();
  }, 30_000);

  it('drops the dead documents still waiting for quiet when it closes', async () => {
    const d = await dir();
    // A fifteenth of the segment: worth a rewrite once quiet.
    const removed = ['d6', 'd7', 'd8', 'd9'];
    const { store, index } = await withDead(d, 60_000, removed);
    await index.flush();
    expect(await deadIn(d)).toEqual(removed);
    await index.close();
    expect(await deadIn(d)).toEqual([]);
    const again = await openIndex(d, store, {}, { merge: false });
    expect((await again.search('common')).hits).toHaveLength(56);
    await again.close();
    // An index about to be thrown away (a reindex) rewrites nothing at close.
    const doomed = await openIndex(d, store, {}, { reclaimQuietMs: 60_000 });
    for (const id of ['d10', 'd11', 'd12', 'd13']) store.docs.delete(id);
    await doomed.remove(['d10', 'd11', 'd12', 'd13']);
    await doomed.flush();
    await doomed.close({ discard: true });
    expect(await deadIn(d)).toEqual(['d10', 'd11', 'd12', 'd13']);
  });

  it('scores documents the same whichever segment holds them', async () => {
    const docs = many(40);
    const one = await openIndex(await dir(), new MemoryStore(docs), {}, { merge: false });
    const split = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    for (let i = 0; i < docs.length; i += 10) await split.upsert(docs.slice(i, i + 10));
    expect(split.stats().segments).toBe(4);
    const a = await one.search('word3 report');
    const b = await split.search('word3 report');
    expect(ids(b)).toEqual(ids(a));
    // Lunr rounds weights to 3 decimals, so equal up to that rounding.
    const scoreA = new Map(a.hits.map((h) => [h.id, h.score]));
    for (const h of b.hits) expect(h.score).toBeCloseTo(scoreA.get(h.id)!, 2);
    await one.close();
    await split.close();
  });

  it('builds segments through the real worker thread', async () => {
    const docs = many(30);
    const store = new MemoryStore(docs);
    const index = await openIndex(
      await dir(),
      store,
      {
        workerScript: sourceWorkerScript(repoRoot, 'index-worker'),
        workerExecArgv: ['--import', 'tsx'],
      },
      { workerMinDocs: 1, batchSize: 10 },
    );
    expect(index.stats().documents).toBe(30);
    expect((await index.search('common')).hits).toHaveLength(30);
    await index.upsert([doc('w', { body: 'workerbuilt' })]);
    await index.flush();
    expect(ids(await index.search('workerbuilt'))).toEqual(['w']);
    await index.close();
  });

  it('merges and loads segments on the worker, with a file URL for the loader', async () => {
    const d = await dir();
    const docs = many(40);
    const store = new MemoryStore(docs);
    const worker = {
      workerScript: sourceWorkerScript(repoRoot, 'index-worker'),
      workerExecArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    };
    // A worker that fails to start falls back to this thread with a warning.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const index = await openIndex(d, store, worker, { workerMinDocs: 1, batchSize: 5 });
    await index.flush();
    // Eight worker-built segments of five merge into fewer.
    expect(index.stats().segments).toBeLessThan(8);
    await index.close();
    store.loads = 0;
    const again = await openIndex(d, store, worker);
    expect((await again.search('common')).hits).toHaveLength(40);
    expect(again.stats().ready).toBe(true);
    expect(store.loads).toBe(0);
    await again.close();
    process.off('warning', onWarning);
    expect(warnings.filter((w) => w.includes('Index worker failed'))).toEqual([]);
  });
});

describe('persistence', () => {
  it('reopens from disk without re-reading articles', async () => {
    const d = await dir();
    const store = new MemoryStore(many(20));
    const first = await openIndex(d, store);
    await first.close();
    const files = await readdir(d);
    expect(files).toContain('manifest.json');
    store.loads = 0;
    const second = await openIndex(d, store);
    expect(store.loads).toBe(0);
    expect((await second.search('common')).hits).toHaveLength(20);
    expect(second.stats().ready).toBe(true);
    await second.close();
  });

  it('rebuilds a segment whose file was corrupted', async () => {
    const d = await dir();
    const store = new MemoryStore(many(12));
    const first = await openIndex(d, store);
    await first.close();
    const postingsFile = (await readdir(d)).find((f) => f.endsWith('.postings'))!;
    const bytes = await readFile(join(d, postingsFile));
    const at = bytes.indexOf('common');
    expect(at).toBeGreaterThan(0);
    bytes.write('cormon', at);
    await writeFile(join(d, postingsFile), bytes);
    store.loads = 0;
    const second = await openIndex(d, store);
    expect((await second.search('common')).hits).toHaveLength(12);
    // As typed: "cormon" would otherwise be searched by its nearest spelling, "common".
    expect(ids(await second.search('cormon', undefined, { exact: true }))).toEqual([]);
    expect(store.loads).toBeGreaterThan(0);
    await second.close();
  });

  it('rebuilds after a corrupt doc list or manifest', async () => {
    const d = await dir();
    const store = new MemoryStore(many(5));
    await (await openIndex(d, store)).close();
    const docsFile = (await readdir(d)).find((f) => f.endsWith('.docs.json'))!;
    await writeFile(join(d, docsFile), '{"broken":');
    const second = await openIndex(d, store);
    expect((await second.search('common')).hits).toHaveLength(5);
    await second.close();
    await writeFile(join(d, 'manifest.json'), 'not json');
    const third = await openIndex(d, store);
    expect((await third.search('common')).hits).toHaveLength(5);
    await third.close();
  });

  it('rebuilds everything when the format version changes', async () => {
    const d = await dir();
    const store = new MemoryStore(many(5));
    await (await openIndex(d, store)).close();
    const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
    manifest.format += 1;
    await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    store.loads = 0;
    const second = await openIndex(d, store);
    expect(store.loads).toBe(5);
    expect((await second.search('common')).hits).toHaveLength(5);
    await second.close();
    const again = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
    expect(again.format).toBe(manifest.format - 1);
  });

  it('reconciles with changed revisions, new and removed articles', async () => {
    const d = await dir();
    const store = new MemoryStore(many(6));
    await (await openIndex(d, store)).close();
    store.put(doc('d1', { rev: 2, body: 'edited body' }));
    store.put(doc('new', { body: 'freshly added' }));
    store.docs.delete('d2');
    store.loads = 0;
    const second = await openIndex(d, store);
    expect(store.loads).toBe(2);
    expect(ids(await second.search('edited'))).toEqual(['d1']);
    expect(ids(await second.search('freshly'))).toEqual(['new']);
    // No live article holds these words any more (a search for them may be respelt).
    expect(ids(await second.search('number1'))).not.toContain('d1');
    expect(ids(await second.search('number2'))).not.toContain('d2');
    expect(second.stats().documents).toBe(6);
    await second.close();
  });

  it('writes nothing when read-only', async () => {
    const d = await dir();
    const index = await openIndex(d, new MemoryStore(many(3)), { readOnly: true });
    expect((await index.search('common')).hits).toHaveLength(3);
    await index.close();
    expect(await readdir(d)).toEqual([]);
  });

  it('rejects malformed documents without touching the index', async () => {
    const index = await openIndex(await dir(), new MemoryStore([doc('a', { body: 'kept' })]));
    const bad = { id: 'x', rev: 1, title: 3 } as unknown as ReturnType<typeof doc>;
    await expect(index.upsert([bad])).rejects.toThrow(/Document 1 \(x\) needs a text title/);
    expect(ids(await index.search('kept'))).toEqual(['a']);
    await index.close();
  });
});
