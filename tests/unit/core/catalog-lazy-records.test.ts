// A reader opens the catalogue without building its records: a cold `list` shows one page
// and a cold `search` its hits (docs/benchmarks.md, "Cold command line"). What it reads must be
// what an eager decode gives, and a snapshot damaged in a way its checksum cannot see is still
// refused at open, not when some record is first read.
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../main/core/store/article-store';
import { Catalog } from '../../../main/core/store/catalog';
import {
  loadSnapshot,
  readSnapshot,
  snapshotFile,
  SNAPSHOT_FORMAT,
} from '../../../main/core/store/catalog-snapshot';
import { encodeColumns } from '../../../main/core/store/snapshot-columns';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

async function library(count: number) {
  const src = tempDir();
  const files = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`f${i}.txt`, article(i, `Story ${i}`)]),
  );
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(writeArticles(src, files).map((path) => ({ path })));
  const ids = summary.imported.map((e) => e.id);
  await lib.trash([ids[0]!]);
  await lib.close();
  return { dir, ids };
}

describe('catalogue records built on first use', () => {
  it('a read-only load builds none of them, and each read gives the eager record', async () => {
    const { dir, ids } = await library(12);
    const eager = (await loadSnapshot(join(dir, 'catalog.json')))!.records;
    const { catalog } = await Catalog.load(dir, new ArticleStore(dir), true);
    expect(catalog.records.size).toBe(12);
    expect(catalog.records.unbuilt).toBe(12);
    // The trash and every revision (in place, or copied) are known without building a record.
    expect([...catalog.trashedIds]).toEqual([ids[0]]);
    const viewed = new Map<string, number>();
    catalog.records.revisionsView().forEach((rev, id) => viewed.set(id, rev));
    expect(viewed).toEqual(new Map(eager.map((r) => [r.id, r.rev])));
    expect(catalog.records.revisions()).toEqual(viewed);
    expect(catalog.records.revisionsView().has(ids[5]!)).toBe(true);
    expect(catalog.records.revisionsView().has('0000000000000000')).toBe(false);
    expect(catalog.records.unbuilt).toBe(12);
    expect(catalog.records.get(ids[3]!)).toStrictEqual(eager.find((r) => r.id === ids[3]));
    expect(catalog.records.unbuilt).toBe(11);
    expect([...catalog.records.values()]).toStrictEqual(eager);
    await catalog.close();
  });

  it('the engine opens read-only and lists a page building only that page', async () => {
    const { dir } = await library(12);
    const lib = await openFake(dir, { readOnly: true, deferIndex: true, discovery: false });
    const page = await lib.list({ limit: 3 });
    expect(page.total).toBe(11);
    expect(page.items).toHaveLength(3);
    // Reached through the engine's own catalogue: at most the page (and the trashed record
    // skipped on the way) was built.
    const catalog = (lib as unknown as { catalog: Catalog }).catalog;
    expect(catalog.records.unbuilt).toBeGreaterThanOrEqual(12 - 4);
    await lib.close();
  });

  it('refuses at open a snapshot whose table reference is wrong under a good checksum', async () => {
    const { dir } = await library(5);
    const path = join(dir, 'catalog.json');
    const good = (await loadSnapshot(path))!.records;
    const { body, sections } = encodeColumns(good, null);
    // Row 2's place points past the table of places (14 numbers a row, the place 7th).
    const nums = sections[0]!;
    body.writeDoubleLE(99, nums + (2 * 14 + 6) * 8);
    const header = { format: SNAPSHOT_FORMAT, count: good.length, endian: endianness(), sections };
    writeFileSync(path, snapshotFile(body, header));
    expect(await readSnapshot(path)).toBeNull();
    // The same body with the reference intact opens.
    body.writeDoubleLE(-1, nums + (2 * 14 + 6) * 8);
    writeFileSync(path, snapshotFile(body, header));
    expect((await readSnapshot(path))?.length).toBe(good.length);
  });
});
