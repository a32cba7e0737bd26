// The index keeps a stable filter's verdicts across searches; any other filter is asked again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableFilter } from '../../../main/core/search/query/query-eval';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

describe('filter verdicts', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const docs = Array.from({ length: 30 }, (_, i) =>
      doc(`d${i}`, { body: `report ${i % 2 ? 'odd' : 'even'} number` }),
    );
    index = await openIndex(t.dir, new MemoryStore(docs));
  });
  afterAll(async () => {
    await index.close();
    await cleanup();
  });

  it('asks a stable filter once per document, across searches and clauses', async () => {
    const asked: string[] = [];
    const filter = stableFilter((id) => {
      asked.push(id);
      return Number(id.slice(1)) < 10;
    });
    const first = await index.search('report', filter);
    expect(first.hits).toHaveLength(10);
    expect(asked).toHaveLength(30);
    const second = await index.search('report OR odd', filter);
    expect(ids(second)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    expect(second.hits.slice(0, 5).every((h) => Number(h.id.slice(1)) % 2 === 1)).toBe(true);
    expect(asked).toHaveLength(30);
  });

  it('asks a plain filter again on every search, so changed verdicts show', async () => {
    let limit = 5;
    let calls = 0;
    const filter = (id: string): boolean => {
      calls++;
      return Number(id.slice(1)) < limit;
    };
    expect((await index.search('report', filter)).hits).toHaveLength(5);
    limit = 12;
    expect((await index.search('report', filter)).hits).toHaveLength(12);
    expect(calls).toBe(60);
  });

  it('starts afresh for a new stable filter', async () => {
    const a = await index.search(
      'number',
      stableFilter((id) => id === 'd3'),
    );
    const b = await index.search(
      'number',
      stableFilter((id) => id === 'd4'),
    );
    expect(ids(a)).toEqual(['d3']);
    expect(ids(b)).toEqual(['d4']);
  });
});
