// One article the index cannot build must fail alone: the others are indexed, it is listed
// in the index's problems (and stats().problems), and no open, upsert, reindex or import
// fails because of it. The build is made to fail for articles holding a marker word, the
// way a bad article made the whole batch's build throw before.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Library } from '../../../main/core/library';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

const POISON = 'poisonmarker';

vi.mock('../../../main/core/search/segments/build-segment', async (load) => {
  const real = await load<typeof import('../../../main/core/search/segments/build-segment')>();
  return {
    ...real,
    buildSegmentData: (docs: IndexDoc[]) => {
      if (docs.some((d) => d.body.includes(POISON))) throw new Error('cannot analyse this');
      return real.buildSegmentData(docs);
    },
  };
});

const docs = Array.from({ length: 40 }, (_, i) =>
  doc(`d${i}`, {
    title: `Article ${i}`,
    body: `harbour report ${i}${i === 17 ? ` ${POISON}` : ''}`,
  }),
);

describe('an article the index cannot build', () => {
  it('fails alone: the rest is indexed on open, upsert and a rebuild', async () => {
    const { dir, cleanup } = await tempDir();
    const store = new MemoryStore(docs);
    const index = await openIndex(dir, store, {}, { batchSize: 16, merge: false });
    try {
      const found = ids(await index.search('harbour'));
      expect(found).toHaveLength(39);
      expect(found).not.toContain('d17');
      expect(index.problems()).toEqual([{ id: 'd17', reason: 'cannot analyse this' }]);
      // An upsert with it in the batch indexes the others.
      await index.upsert([
        doc('n1', { body: 'harbour new' }),
        doc('n2', { body: `harbour ${POISON}` }),
      ]);
      expect(ids(await index.search('new'))).toEqual(['n1']);
      expect(index.problems().map((p) => p.id)).toEqual(['d17', 'n2']);
      // A fixed version is indexed and leaves the list; a removed one leaves it too.
      await index.upsert([doc('d17', { rev: 2, body: 'harbour mended' })]);
      await index.remove(['n2']);
      expect(ids(await index.search('mended'))).toEqual(['d17']);
      expect(index.problems()).toEqual([]);
    } finally {
      await index.close();
      await cleanup();
    }
  });

  it('is listed in stats().problems; import, search and reindex carry on', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ar-bad-article-'));
    const files = join(root, 'files');
    await mkdir(files);
    for (let i = 0; i < 6; i++) {
      await writeFile(
        join(files, `a${i}.txt`),
        `Harbour story ${i}\n\nThe harbour master spoke ${i === 3 ? POISON : 'plainly'} today.\n`,
      );
    }
    const lib = await Library.open(join(root, 'library'));
    try {
      const summary = await lib.importSources([{ path: files }]);
      expect(summary.imported).toHaveLength(6);
      expect(summary.failed).toEqual([]);
      expect((await lib.search({ query: 'harbour' })).total).toBe(5);
      const bad = summary.imported.find((a) => a.title === 'Harbour story 3')!;
      const listed = (await lib.stats()).problems ?? [];
      expect(listed).toHaveLength(1);
      expect(listed[0]!.path).toContain(bad.id);
      expect(listed[0]!.reason).toMatch(/could not be indexed.*cannot analyse this/);
      await lib.reindex();
      expect((await lib.search({ query: 'harbour' })).total).toBe(5);
      expect(((await lib.stats()).problems ?? []).map((p) => p.path)).toEqual([listed[0]!.path]);
      // Trashing and emptying the trash removes it for good, and from the list.
      await lib.trash([bad.id]);
      expect(await lib.emptyTrash()).toEqual({ removed: 1 });
      expect((await lib.stats()).problems ?? []).toEqual([]);
    } finally {
      await lib.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
