// The catalogue's record map builds snapshot records on first use, yet reads like a Map built
// eagerly: same records, same order, same answers, whatever mix of reads and writes comes.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import { RecordMap } from '../../../main/core/store/record-map';
import type { SnapshotRows } from '../../../main/core/store/snapshot-columns';

function record(n: number, changed = 0): ArticleRecord {
  return {
    id: n.toString(16).padStart(16, '0'),
    rev: n + 1 + changed,
    title: `title ${n}`,
    place: null,
    language: 'en',
    wordCount: n,
    readingMinutes: 1,
    encoding: 'UTF-8',
    sourceName: `${n}.txt`,
    sourcePath: null,
    byteLength: n,
    importedAt: '2026-01-01T00:00:00.000Z',
    articleDate: null,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: n % 4 === 1 ? '2026-02-01T00:00:00.000Z' : null,
    excerpt: '',
    ...(n % 3 === 0 ? {} : { sourceFolder: '/src', collection: null }),
  };
}

/** Rows over fresh records, counting how many were built. */
function rowsOf(count: number): { rows: SnapshotRows; built: () => number } {
  let built = 0;
  const ids = Array.from({ length: count }, (_, n) => record(n).id);
  const rows: SnapshotRows = {
    ids,
    record: (row) => {
      built++;
      return record(row);
    },
    rev: (row) => record(row).rev,
    trashed: (row) => record(row).trashedAt !== null,
    legacy: (row) => record(row).sourceFolder === undefined || record(row).collection === undefined,
  };
  return { rows, built: () => built };
}

describe('RecordMap', () => {
  it('builds a record only when it is read, once, and keeps that object', () => {
    const { rows, built } = rowsOf(100);
    const map = new RecordMap();
    map.adopt(rows);
    expect(map.size).toBe(100);
    expect(map.unbuilt).toBe(100);
    expect(map.has(record(7).id)).toBe(true);
    expect([...map.keys()]).toEqual(rows.ids);
    expect(built()).toBe(0);
    const r = map.get(record(7).id)!;
    expect(r).toStrictEqual(record(7));
    r.read = true;
    expect(map.get(record(7).id)).toBe(r);
    expect(map.get(record(7).id)!.read).toBe(true);
    expect(built()).toBe(1);
    expect(map.unbuilt).toBe(99);
  });

  it('answers revisions, trash and legacy records without building the others', () => {
    const { rows, built } = rowsOf(60);
    const map = new RecordMap();
    map.adopt(rows);
    map.set(record(5).id, record(5, 10));
    const all = Array.from({ length: 60 }, (_, n) => (n === 5 ? record(5, 10) : record(n)));
    expect(map.revisions()).toEqual(new Map(all.map((r) => [r.id, r.rev])));
    expect(map.trashedIds()).toEqual(all.filter((r) => r.trashedAt !== null).map((r) => r.id));
    expect(built()).toBe(0);
    const legacy = map.legacyRecords();
    expect(legacy).toStrictEqual(all.filter((r) => r.sourceFolder === undefined));
    // Only the legacy rows were built, and they are the map's own objects.
    expect(built()).toBe(legacy.length);
    for (const r of legacy) expect(map.get(r.id)).toBe(r);
  });

  it('reads like an eagerly built Map through any mix of reads and writes', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 20; trial++) {
      const count = 1 + next(40);
      const { rows } = rowsOf(count);
      const lazy = new RecordMap();
      lazy.adopt(rows);
      const eager = new Map(rows.ids.map((id, n) => [id, record(n)]));
      for (let step = 0; step < 60; step++) {
        const n = next(count + 10);
        const id = record(n).id;
        const op = next(5);
        if (op === 0) expect(lazy.get(id)).toStrictEqual(eager.get(id));
        else if (op === 1) {
          lazy.set(id, record(n, step));
          eager.set(id, record(n, step));
        } else if (op === 2) expect(lazy.delete(id)).toBe(eager.delete(id));
        else if (op === 3) expect(lazy.has(id)).toBe(eager.has(id));
        else expect([...lazy.keys()]).toEqual([...eager.keys()]);
        expect(lazy.size).toBe(eager.size);
      }
      expect([...lazy.entries()]).toStrictEqual([...eager.entries()]);
      expect([...lazy]).toStrictEqual([...eager]);
      const seen: string[] = [];
      lazy.forEach((r, id, m) => {
        expect(m).toBe(lazy);
        expect(r.id).toBe(id);
        seen.push(id);
      });
      expect(seen).toEqual([...eager.keys()]);
      expect(lazy.unbuilt).toBe(0);
      // Once every record is built it goes on as a plain Map.
      lazy.set(record(999).id, record(999));
      eager.set(record(999).id, record(999));
      expect([...lazy.values()]).toStrictEqual([...eager.values()]);
    }
  });

  it('adopts only into an empty map, and clears back to one', () => {
    const map = new RecordMap();
    map.set(record(1).id, record(1));
    expect(() => map.adopt(rowsOf(3).rows)).toThrow();
    map.clear();
    map.adopt(rowsOf(3).rows);
    expect(map.size).toBe(3);
    expect(Object.prototype.toString.call(map)).toBe('[object Map]');
  });
});
