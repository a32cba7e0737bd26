// An import builds each chunk into the index before the chunk is written (prepare), judging
// the tagging rules on the build's own analysis, and adds it once written (publish): nothing
// prepared is searchable before, what was not written never is, and a dropped build leaves
// the index as it was.
import { describe, expect, it } from 'vitest';
import { compileQueries, type Judging } from '../../../main/core/search/query/query-judge';
import { doc, ids, MemoryStore, openIndex } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();

const docs = [
  doc('a', { title: 'Harbour strike', body: 'Dock workers stopped the port of Rotterdam.' }),
  doc('b', { title: 'Mountain rescue', body: 'Climbers were saved from the glacier.' }),
  doc('c', { title: 'Port fees', body: 'The harbour raised its fees.', tags: ['Ports'] }),
];
const facts = { trashedAt: null, language: 'en', collection: null, articleDate: null };

describe('prepared documents', () => {
  it('are searchable only once published, and only those written', async () => {
    const index = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const built = await index.prepare(docs);
    expect(built.verdicts).toEqual([null, null, null]);
    expect(ids(await index.search('harbour'))).toEqual([]);
    await built.publish(['a', 'b']);
    expect(ids(await index.search('harbour'))).toEqual(['a']);
    expect(ids(await index.search('glacier'))).toEqual(['b']);
    expect(index.stats().documents).toBe(2);
    await index.close();
  });

  it('dropped, leave the index as it was', async () => {
    const index = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const built = await index.prepare(docs);
    built.discard();
    // Publishing a dropped build does nothing.
    await built.publish(['a', 'b', 'c']);
    expect(index.stats().documents).toBe(0);
    await index.upsert([docs[1]!]);
    expect(ids(await index.search('glacier'))).toEqual(['b']);
    await index.close();
  });

  it('are judged on their analysis and indexed with the tags of the queries that found them', async () => {
    const index = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const judging: Judging = {
      queries: compileQueries([
        'harbour OR port',
        'glacier',
        'title:"port fees"',
        'nosuchword',
        'bad:(',
      ]),
      tags: ['Ports', 'Rescue', 'Fees', 'Never', 'Broken'],
      languages: [],
      records: docs.map(() => facts),
    };
    const built = await index.prepare(docs, judging);
    expect(built.verdicts).toEqual([
      { found: [0], check: [] },
      { found: [1], check: [] },
      // c already carries Ports (in any case): found, but given nothing new for that rule.
      { found: [0, 2], check: [] },
    ]);
    await built.publish(docs.map((d) => d.id));
    expect(ids(await index.search('tag:ports'))).toEqual(['a', 'c']);
    expect(ids(await index.search('tag:rescue'))).toEqual(['b']);
    expect(ids(await index.search('tag:fees'))).toEqual(['c']);
    expect(ids(await index.search('tag:never'))).toEqual([]);
    await index.close();
  });

  it('are judged alike without a build, which indexes nothing', async () => {
    const index = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const judging: Judging = {
      queries: compileQueries(['harbour OR port', 'glacier', 'title:"port fees"']),
      tags: ['Ports', 'Rescue', 'Fees'],
      languages: [],
      records: docs.map(() => facts),
    };
    const verdicts = await index.judge(docs, judging);
    const built = await index.prepare(docs, judging);
    expect(verdicts).toEqual(built.verdicts);
    expect(verdicts.filter((v) => v !== null)).toHaveLength(3);
    built.discard();
    expect(index.stats().documents).toBe(0);
    expect(ids(await index.search('harbour'))).toEqual([]);
    await expect(index.judge(docs, { ...judging, records: [facts] })).rejects.toThrow(
      /judge\(\) needs the facts of every document/,
    );
    await index.close();
  });

  it('make segments of batchSize documents, judged as one run', async () => {
    const judging: Judging = {
      queries: compileQueries(['harbour OR port', 'glacier']),
      tags: ['Ports', 'Rescue'],
      languages: [],
      records: docs.map(() => facts),
    };
    const whole = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const split = await openIndex(
      await dir(),
      new MemoryStore(),
      {},
      { merge: false, batchSize: 2 },
    );
    const [one, two] = [await whole.prepare(docs, judging), await split.prepare(docs, judging)];
    expect(two.verdicts).toEqual(one.verdicts);
    await two.publish(docs.map((d) => d.id));
    one.discard();
    expect(split.stats().segments).toBe(2);
    expect(ids(await split.search('tag:ports'))).toEqual(['a', 'c']);
    await Promise.all([whole.close(), split.close()]);
  });

  it('leave a trashed article to its rules’ searches, which never find it', async () => {
    const index = await openIndex(await dir(), new MemoryStore(), {}, { merge: false });
    const judging: Judging = {
      queries: compileQueries(['harbour']),
      tags: ['Ports'],
      languages: [],
      records: [{ ...facts, trashedAt: '2026-01-01T00:00:00.000Z' }],
    };
    const built = await index.prepare([docs[0]!], judging);
    expect(built.verdicts).toEqual([null]);
    await expect(index.prepare(docs, judging)).rejects.toThrow(/facts of every document/);
    built.discard();
    await index.close();
  });
});
