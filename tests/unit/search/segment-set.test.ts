// Tombstone bookkeeping when builds finish out of order, and lazy loading newest first.
import { describe, expect, it } from 'vitest';
import { buildSegmentData } from '../../../main/core/search/segments/build-segment';
import { PostingIndex } from '../../../main/core/search/segments/posting-index';
import { compatibleExecArgv } from '../../../main/core/workers/compatible-exec-argv';
import { Segment } from '../../../main/core/search/segments/segment';
import { SegmentSet } from '../../../main/core/search/segments/segment-set';
import { doc, ids, MemoryStore, openIndex } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();

const segment = (seq: number, ...docs: ReturnType<typeof doc>[]): Segment => {
  const r = buildSegmentData(docs);
  return new Segment(seq, r.docs, new PostingIndex(r.postings));
};

describe('segment set', () => {
  it('keeps the newer revision when an older build finishes last', () => {
    const set = new SegmentSet();
    set.add(segment(2, doc('a', { rev: 2, body: 'new' })));
    set.add(segment(1, doc('a', { rev: 1, body: 'old' }), doc('b', { body: 'other' })));
    expect(set.entry('a')).toEqual({ seq: 2, rev: 2, at: 0 });
    expect(set.get(1)!.liveIds()).toEqual(['b']);
    expect(set.documents).toBe(2);
  });

  it('does not bring back a document removed while its build was running', () => {
    const set = new SegmentSet();
    // The build got seq 3; the removal came after it started (next seq then was 4).
    set.remove(['a'], 4);
    set.add(segment(3, doc('a')));
    expect(set.entry('a')).toBeUndefined();
    expect(set.segments).toHaveLength(0);
    // A build started after the removal adds it again.
    set.add(segment(4, doc('a')));
    expect(set.entry('a')).toEqual({ seq: 4, rev: 1, at: 0 });
  });

  it('lets a merge take over only documents still live in the merged segments', () => {
    const set = new SegmentSet();
    set.add(segment(1, doc('a'), doc('b')));
    set.add(segment(2, doc('b', { rev: 2 })));
    set.add(segment(3, doc('a'), doc('b')), new Set([1]));
    expect(set.entry('a')).toEqual({ seq: 3, rev: 1, at: 0 });
    expect(set.entry('b')).toEqual({ seq: 2, rev: 2, at: 0 });
    expect(set.get(1)).toBeUndefined();
  });
});

describe('lazy loading', () => {
  it('loads persisted segments newest first, so partial answers come from the newest', async () => {
    const d = await dir();
    const docs = Array.from({ length: 6 }, (_, i) => doc(`s${i}`, { body: `shared word${i}` }));
    const store = new MemoryStore(docs);
    const first = await openIndex(d, store, {}, { merge: false }, new Map());
    for (const x of docs) await first.upsert([x]);
    await first.close();
    // Reopen many times without waiting; whatever is loaded must be a newest-first suffix.
    for (let round = 0; round < 8; round++) {
      const again = await openIndex(d, store, {}, { merge: false, searchWaitMs: 0 });
      const r = await again.search('shared');
      const found = ids(r).map((id) => Number(id.slice(1)));
      const oldest = Math.min(...found, docs.length);
      for (let i = oldest; i < docs.length; i++) expect(found).toContain(i);
      await again.close();
    }
    const settled = await openIndex(d, store, {}, { merge: false });
    expect(ids(await settled.search('shared'))).toHaveLength(6);
    expect(settled.stats().ready).toBe(true);
    await settled.close();
  });
});

describe('worker arguments on Node 20', () => {
  it('maps tsx named or given by path or URL to its CommonJS hook', () => {
    const major = Number(process.versions.node.split('.')[0]);
    const url = 'file:///x/node_modules/tsx/dist/loader.mjs';
    const mapped = compatibleExecArgv(['--import', url, '--enable-source-maps']);
    if (major >= 22) expect(mapped).toEqual(['--import', url, '--enable-source-maps']);
    else {
      expect(mapped).toEqual([
        '--require',
        '/x/node_modules/tsx/dist/cjs/index.cjs',
        '--enable-source-maps',
      ]);
      expect(compatibleExecArgv(['--import', 'tsx'])).toEqual(['--require', 'tsx/cjs']);
      expect(compatibleExecArgv(['--import=tsx'])).toEqual(['--require', 'tsx/cjs']);
      expect(compatibleExecArgv(['--import', 'other-loader'])).toEqual([
        '--import',
        'other-loader',
      ]);
    }
  });
});
