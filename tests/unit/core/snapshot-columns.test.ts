// The columns form of catalog.json (format 3): every field survives, any string (Latin-1,
// wide, astral, empty, long) round-trips, saved orders come back only when they are whole,
// damage is a cache miss, and format-2 files from older versions still load.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import {
  loadSnapshot,
  readSnapshot,
  snapshotFile,
  SNAPSHOT_FORMAT,
  writeSnapshot,
} from '../../../main/core/store/catalog-snapshot';
import { encodeRows, ROW_FIELDS, ROWS_FORMAT } from '../../../main/core/store/snapshot-rows';
import { tempDir } from './tmp-dir';

const STRINGS = [
  '',
  'plain',
  'café £5',
  'Ελληνικά',
  'عربى نص',
  '漢字',
  '😀 astral',
  'x'.repeat(5000),
];

/** Record n, its strings drawn from STRINGS so that each kind lands in every field. */
function record(n: number): ArticleRecord {
  const s = (k: number) => STRINGS[(n + k) % STRINGS.length]!;
  return {
    id: `${n.toString(16).padStart(16, '0')}`,
    rev: n + 1,
    title: `${s(0)} ${n}`,
    place: n % 3 ? s(1) : null,
    language: ['en', 'ar', 'zh'][n % 3]!,
    wordCount: n * 3,
    readingMinutes: n % 7,
    encoding: n % 2 ? 'UTF-8' : 'windows-1252',
    sourceName: `${s(2)}.txt`,
    sourcePath: n % 4 ? `/src/${s(3)}/${n}.txt` : null,
    byteLength: n * 11,
    importedAt: new Date(Date.UTC(2026, 0, 1) + (n % 5) * 1000).toISOString(),
    articleDate: n % 2 ? `2020-01-${String((n % 28) + 1).padStart(2, '0')}` : null,
    tags: n % 3 ? [s(4) || 'empty', `t${n % 4}`] : [],
    read: n % 2 === 0,
    favourite: n % 5 === 0,
    position: (n % 10) / 10,
    trashedAt: n % 6 === 1 ? '2026-02-01T00:00:00.000Z' : null,
    excerpt: `${s(5)}${s(6)}`,
  };
}

const records = (count: number) => Array.from({ length: count }, (_, n) => record(n));

describe('catalogue snapshot, columns form', () => {
  it('round-trips every field of every record, whatever its script', async () => {
    const path = join(tempDir(), 'catalog.json');
    const recs = records(40);
    await writeSnapshot(path, recs);
    const back = await loadSnapshot(path);
    expect(back?.format).toBe(SNAPSHOT_FORMAT);
    const byId = new Map(back!.records.map((r) => [r.id, r]));
    expect(byId.size).toBe(recs.length);
    for (const r of recs) expect(byId.get(r.id)).toStrictEqual(r);
  });

  it('gives the same wide strings read one by one and after the whole pool is decoded', async () => {
    // The first wide strings a reader needs are decoded alone, the rest from the whole pool:
    // 400 records hold far more wide strings than are read alone, and are read out of order.
    const path = join(tempDir(), 'catalog.json');
    const recs = records(400);
    await writeSnapshot(path, recs);
    const { rows } = (await loadSnapshot(path))!;
    const order = recs.map((_, i) => (i * 157) % recs.length);
    for (const row of order) {
      const id = rows.ids[row]!;
      expect(rows.record(row)).toStrictEqual(recs.find((r) => r.id === id));
    }
  });

  it('round-trips pools of more strings than are joined at once, sections 8-byte aligned', async () => {
    // 3,000 records put ~24,000 strings in the two pools, several joined runs each.
    const path = join(tempDir(), 'catalog.json');
    const recs = records(3000);
    const ids = recs.map((r) => r.id);
    await writeSnapshot(path, recs, { key: 'k', lists: { title: [...ids].reverse() } });
    const file = readFileSync(path);
    const newline = file.indexOf(0x0a);
    const { sections } = JSON.parse(file.subarray(0, newline).toString()) as { sections: number[] };
    expect(sections.every((n) => n % 8 === 0)).toBe(true);
    expect(sections.reduce((a, b) => a + b, 0)).toBe(file.length - newline - 1);
    const back = await loadSnapshot(path);
    const byId = new Map(back!.records.map((r) => [r.id, r]));
    expect(byId.size).toBe(recs.length);
    for (const r of recs) expect(byId.get(r.id)).toStrictEqual(r);
    expect(back!.orders!.lists.get('title')).toEqual([...ids].reverse());
  });

  it('saves sorted orders and gives back only complete ones', async () => {
    const path = join(tempDir(), 'catalog.json');
    const recs = records(12);
    const ids = recs.map((r) => r.id);
    const reversed = [...ids].reverse();
    const withDuplicate = [...ids.slice(1), ids[2]!];
    await writeSnapshot(path, recs, {
      key: 'k1',
      lists: { title: reversed, date: ids.slice(1), dup: withDuplicate },
    });
    const back = await loadSnapshot(path);
    expect(back?.orders?.key).toBe('k1');
    expect([...back!.orders!.lists.keys()]).toEqual(['title']);
    expect(back!.orders!.lists.get('title')).toEqual(reversed);
  });

  it('treats damage anywhere in the body, a wrong count or a foreign format as a miss', async () => {
    const dir = tempDir();
    const path = join(dir, 'catalog.json');
    await writeSnapshot(path, records(20));
    const good = readFileSync(path);
    const newline = good.indexOf(0x0a);
    for (const at of [newline + 3, Math.floor(good.length / 2), good.length - 2]) {
      const bad = Buffer.from(good);
      bad[at] = bad[at]! ^ 0xff;
      writeFileSync(path, bad);
      expect(await readSnapshot(path)).toBeNull();
    }
    writeFileSync(path, good.subarray(0, good.length - 8));
    expect(await readSnapshot(path)).toBeNull();
    const header = JSON.parse(good.subarray(0, newline).toString()) as Record<string, unknown>;
    for (const change of [{ count: 19 }, { format: 99 }, { sections: [8] }]) {
      const line = JSON.stringify({ ...header, ...change });
      writeFileSync(path, Buffer.concat([Buffer.from(`${line}\n`), good.subarray(newline + 1)]));
      expect(await readSnapshot(path)).toBeNull();
    }
  });

  it('still reads a format-2 snapshot (JSON rows), without saved orders', async () => {
    const path = join(tempDir(), 'catalog.json');
    const recs = records(15);
    const body = encodeRows(recs);
    writeFileSync(
      path,
      snapshotFile(body, { format: ROWS_FORMAT, count: recs.length, fields: ROW_FIELDS.join(',') }),
    );
    const back = await loadSnapshot(path);
    expect(back?.format).toBe(ROWS_FORMAT);
    expect(back?.orders).toBeNull();
    expect(back?.records).toStrictEqual(recs);
  });
});
