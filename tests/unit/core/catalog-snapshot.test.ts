// The catalogue snapshot keeps every field of every record, loads records in import order
// (so the default list order is a presorted run), and a damaged file is a cache miss.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import { readSnapshot, writeSnapshot } from '../../../main/core/store/catalog-snapshot';
import { tempDir } from './tmp-dir';

/** A record whose every field holds a value no other field (or record) has. */
function record(n: number, importedAt: string): ArticleRecord {
  return {
    id: `id${n}`,
    rev: 100 + n,
    title: `Title ${n}`,
    place: n % 2 ? `Place ${n}` : null,
    language: `l${n}`,
    wordCount: 200 + n,
    readingMinutes: 300 + n,
    encoding: `enc${n}`,
    sourceName: `file${n}.txt`,
    sourcePath: n % 3 ? `/src/file${n}.txt` : null,
    byteLength: 400 + n,
    importedAt,
    articleDate: n % 2 ? null : `2020-01-0${n % 9}`,
    tags: [`tag${n}`, `other${n}`],
    read: n % 2 === 0,
    favourite: n % 3 === 0,
    position: n / 10,
    trashedAt: n === 2 ? '2026-01-01T00:00:00.000Z' : null,
    excerpt: `Excerpt “${n}” ناص`,
  };
}

describe('catalogue snapshot', () => {
  it('round-trips every field and returns records in import order', async () => {
    const path = join(tempDir(), 'catalog.json');
    const recs = [
      record(1, '2026-03-01T00:00:00.000Z'),
      record(2, '2026-01-01T00:00:00.000Z'),
      record(3, '2026-02-01T00:00:00.000Z'),
      record(4, '2026-01-01T00:00:00.000Z'),
    ];
    await writeSnapshot(path, recs);
    const back = await readSnapshot(path);
    expect(back?.map((r) => r.id)).toEqual(['id2', 'id4', 'id3', 'id1']);
    const byId = new Map(back!.map((r) => [r.id, r]));
    for (const r of recs) expect(byId.get(r.id)).toStrictEqual(r);
  });

  it('treats a damaged snapshot as missing', async () => {
    const path = join(tempDir(), 'catalog.json');
    await writeSnapshot(path, [record(1, '2026-03-01T00:00:00.000Z')]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Title 1', 'Title 9'));
    expect(await readSnapshot(path)).toBeNull();
  });
});
