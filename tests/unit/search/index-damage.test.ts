// A damaged index file is found on load, its documents are indexed again from the articles,
// and until then searches say they are partial instead of quietly missing hits.
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();
const many = (n: number): IndexDoc[] =>
  Array.from({ length: n }, (_, i) => doc(`d${i}`, { body: `common word${i % 5} number${i}` }));

/** A store whose reads wait until `open()` is called, so a repair can be caught half-way. */
class GatedStore extends MemoryStore {
  private release!: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));
  override loadDoc = async (id: string): Promise<IndexDoc | null> => {
    await this.gate;
    this.loads++;
    return this.docs.get(id) ?? null;
  };
  open(): void {
    this.release();
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('damaged index files', () => {
  it('searches during the repair of a truncated postings file are partial, then complete', async () => {
    const d = await dir();
    const docs = many(30);
    await (await openIndex(d, new MemoryStore(docs), {}, { batchSize: 10, merge: false })).close();
    const postings = (await readdir(d)).filter((f) => f.endsWith('.postings')).sort();
    expect(postings).toHaveLength(3);
    const victim = postings[0]!;
    const size = (await readFile(join(d, victim))).length;
    await truncate(join(d, victim), Math.floor(size / 2));

    const store = new GatedStore(docs);
    const index = await openIndex(d, store, {}, { merge: false, searchWaitMs: 20 });
    await until(() => (index.damaged?.() ?? []).length > 0, 'the damage to be found');
    expect(index.damaged()).toEqual([{ path: victim, reason: expect.any(String) }]);
    const during = await index.search('common');
    // Its ten documents are being indexed again: either all hits, or a result marked partial.
    expect(during.partial || during.hits.length === 30).toBe(true);
    expect(during.partial).toBe(true);

    store.open();
    await until(async () => !(await index.search('common')).partial, 'the repair');
    expect((await index.search('common')).hits).toHaveLength(30);
    await index.close();

    // The repaired index was saved: nothing is read again, nothing is reported.
    const after = new MemoryStore(docs);
    const again = await openIndex(d, after, {}, { merge: false });
    expect((await again.search('common')).hits).toHaveLength(30);
    expect(after.loads).toBe(0);
    expect(again.damaged()).toEqual([]);
    await again.close();
  });

  it('refuses a manifest altered behind its checksum and rebuilds', async () => {
    const d = await dir();
    const store = new MemoryStore(many(6));
    await (await openIndex(d, store, {}, { merge: false })).close();
    const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
    expect(manifest.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Valid JSON, valid shape, wrong contents: d1 marked dead would vanish from every search.
    manifest.segments[0].dead.push('d1');
    await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    const again = await openIndex(d, store, {}, { merge: false });
    expect(ids(await again.search('number1'))).toEqual(['d1']);
    expect(again.damaged()).toEqual([{ path: 'manifest.json', reason: 'checksum mismatch' }]);
    await again.close();
  });

  it('never follows segment file names out of the index folder', async () => {
    const d = await dir();
    const store = new MemoryStore(many(4));
    await (await openIndex(d, store, {}, { merge: false })).close();
    const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
    delete manifest.checksum;
    manifest.segments[0].docsFile = '../../etc/passwd';
    await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    const again = await openIndex(d, store, {}, { merge: false });
    expect((await again.search('common')).hits).toHaveLength(4);
    expect(again.damaged()).toEqual([
      { path: 'manifest.json', reason: 'its contents are malformed' },
    ]);
    await again.close();
  });

  it('still reads a manifest written before it carried a checksum', async () => {
    const d = await dir();
    const store = new MemoryStore(many(4));
    await (await openIndex(d, store, {}, { merge: false })).close();
    const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
    delete manifest.checksum;
    await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    store.loads = 0;
    const again = await openIndex(d, store, {}, { merge: false });
    expect((await again.search('common')).hits).toHaveLength(4);
    expect(store.loads).toBe(0);
    await again.close();
  });
});
