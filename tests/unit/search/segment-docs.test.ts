// A segment's doc list is checked as strictly as before its arrays were checked in one loop
// each: strings for ids and languages, integers for revisions, equal lengths, its own seq.
import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT, parseSegmentDocs } from '../../../main/core/search/storage/persistence';

const text = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: INDEX_FORMAT,
    seq: 4,
    ids: ['00000000000000a1', '00000000000000b2'],
    revs: [1, 3],
    langs: ['en', ''],
    ...over,
  });

describe('segment doc lists', () => {
  it('reads a well-formed list', () => {
    expect(parseSegmentDocs(text(), 4)).toEqual({
      ids: ['00000000000000a1', '00000000000000b2'],
      revs: [1, 3],
      langs: ['en', ''],
    });
  });

  it('refuses a list with a wrong element, length, seq or format', () => {
    const bad = [
      text({ ids: ['00000000000000a1', 7] }),
      text({ ids: 'not a list' }),
      text({ revs: [1, 2.5] }),
      text({ revs: [1, '3'] }),
      text({ revs: [1, 2 ** 60] }),
      text({ langs: ['en', null] }),
      text({ langs: ['en'] }),
      text({ format: INDEX_FORMAT - 1 }),
      text({ seq: 5 }),
      '{"format":',
    ];
    for (const t of bad) expect(parseSegmentDocs(t, 4), t).toBeNull();
  });
});
