// Importing a JSON Lines export: recognised by its first line, restored whole (same ids, text,
// tags, state, dates and highlights), bad lines reported by number and never half-imported.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import type { LibraryEngine } from '../../../main/core/engine';
import { startsLikeJsonlExport } from '../../../main/core/import/jsonl-import';
import { tempDir } from '../core/tmp-dir';
import { exportFixture, type ExportFixture } from './export-fixture';
import { allArticles, expectSameLibrary } from './roundtrip-compare';

describe('importing a JSON Lines export', () => {
  let f: ExportFixture;
  let base: string;
  let exported: string;
  const opened: LibraryEngine[] = [];
  const emptyLibrary = async (name: string) => {
    const lib = await openLibrary(join(base, name));
    opened.push(lib);
    return lib;
  };

  beforeAll(async () => {
    base = tempDir('ar-jsonl-import-');
    f = await exportFixture(base);
    mkdirSync(join(base, 'out'));
    exported = join(base, 'out', 'library.jsonl');
    await f.lib.exportArticles({ format: 'jsonl', out: exported, scope: {} });
  }, 60_000);
  afterAll(async () => {
    for (const lib of opened) await lib.close();
    await f.lib.close();
  });

  it('restores every article into an empty library with every field equal', async () => {
    const copy = await emptyLibrary('copy');
    const summary = await copy.importSources([{ path: exported }]);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(5);
    expect(await expectSameLibrary(f.lib, copy)).toBe(5);
    // The restored articles are searchable, their tags and notes too.
    const hits = await copy.search({ query: 'note:schools' });
    expect(hits.hits.map((h) => h.id)).toEqual([f.ids['desk/budget.txt']]);
  });

  it('knows an export by its first line, whatever the file is called', async () => {
    const renamed = join(base, 'out', 'backup.txt');
    copyFileSync(exported, renamed);
    const copy = await emptyLibrary('renamed');
    const summary = await copy.importSources([{ path: renamed }]);
    expect(summary.imported).toHaveLength(5);
    const data = new Uint8Array(readFileSync(exported));
    const dropped = await emptyLibrary('dropped');
    expect((await dropped.importSources([{ name: 'x.jsonl', data }])).imported).toHaveLength(5);
    expect(startsLikeJsonlExport(Buffer.from('{"id":"x"}\n'))).toBe(false);
    expect(startsLikeJsonlExport(Buffer.from('\ufeff{ "format" : "archive-reader-export"'))).toBe(
      true,
    );
  });

  it('reports each bad line by number and imports every good one whole', async () => {
    const lines = readFileSync(exported, 'utf8').split('\n');
    const record = JSON.parse(lines[1]!) as Record<string, unknown>;
    const tampered = { ...record, originalBase64: Buffer.from('another text').toString('base64') };
    const badTag = { ...JSON.parse(lines[2]!), read: 'yes' };
    const records = lines
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    // A line whose highlights belong to another article.
    const stolen = {
      ...records.find((r) => r.id === f.ids['arabic.txt']),
      highlights: records.find((r) => r.highlights.length > 0).highlights,
    };
    const broken = [
      lines[0],
      '{"id": "not json',
      JSON.stringify(tampered),
      JSON.stringify(badTag),
      JSON.stringify(stolen),
      lines[3],
      '',
    ].join('\n');
    const file = join(base, 'out', 'broken.jsonl');
    writeFileSync(file, broken);
    const copy = await emptyLibrary('broken');
    const summary = await copy.importSources([{ path: file }]);
    expect(summary.failed.map((x) => x.path)).toEqual([
      `${file} line 2`,
      `${file} line 3`,
      `${file} line 4`,
      `${file} line 5`,
    ]);
    expect(summary.failed[0]!.reason).toMatch(/not valid JSON/);
    expect(summary.failed[1]!.reason).toMatch(/does not match the id/);
    expect(summary.failed[2]!.reason).toMatch(/^read /);
    expect(summary.failed[3]!.reason).toMatch(/^highlights\.0\.id belongs to another article/);
    const ids = [...(await allArticles(copy)).keys()];
    expect(ids).toEqual([JSON.parse(lines[3]!).id]);
  });

  it('refuses an export of a newer format, importing nothing', async () => {
    const lines = readFileSync(exported, 'utf8').split('\n');
    const header = { ...JSON.parse(lines[0]!), version: 99 };
    const file = join(base, 'out', 'newer.jsonl');
    writeFileSync(file, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    const copy = await emptyLibrary('newer');
    const summary = await copy.importSources([{ path: file }]);
    expect(summary.imported).toEqual([]);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.reason).toMatch(/version 99 is newer/);
  });

  it('counts articles already in the library as duplicates (a trashed one comes back, as for a file)', async () => {
    const summary = await f.lib.importSources([{ path: exported }]);
    expect(summary.imported).toEqual([]);
    expect(summary.duplicates).toHaveLength(4);
    expect(summary.restored?.map((r) => r.id)).toEqual([f.ids['con.txt']]);
  });
});
