// exportArticles through the engine: every format, every scope, file names, bytes, progress,
// cancel and a destination that is never half-written.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  jsonlHeaderSchema,
  jsonlRecordSchema,
  type ExportProgress,
} from '../../../main/contract/export';
import { ArchiveError } from '../../../main/core/errors';
import { tempDir } from '../core/tmp-dir';
import { exportFixture, TEXTS, type ExportFixture } from './export-fixture';

const failure = async (p: Promise<unknown>): Promise<ArchiveError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ArchiveError);
  return e as ArchiveError;
};

describe('exportArticles', () => {
  let f: ExportFixture;
  let out: string;
  let n = 0;
  const fresh = (name: string) => join(out, `${++n}-${name}`);

  beforeAll(async () => {
    const base = tempDir('ar-export-');
    out = join(base, 'out');
    mkdirSync(out);
    f = await exportFixture(base);
  }, 60_000);
  afterAll(async () => {
    await f.lib.close();
  });

  it('writes one Markdown file per article, safely and uniquely named, trash left out', async () => {
    const dir = fresh('md');
    const result = await f.lib.exportArticles({ format: 'md', out: dir, scope: {} });
    expect(result).toEqual({ exported: 4, path: dir });
    expect(readdirSync(dir).sort()).toEqual(
      [
        'Budget vote delayed.md',
        'Budget vote delayed (2).md',
        'Café crème prices.md',
        'الميزانية الجديدة.md',
      ].sort(),
    );
    // The two stories with one headline: which gets "(2)" follows the export's order.
    const [budget, fm] = ['Budget vote delayed.md', 'Budget vote delayed (2).md']
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .map((text) => [text, parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!)] as const)
      .find(([, front]) => (front as { place: string }).place === 'LONDON')! as [
      string,
      Record<string, unknown>,
    ];
    expect(fm).toMatchObject({
      title: 'Budget vote delayed',
      place: 'LONDON',
      language: 'en',
      tags: ['economy'],
      collection: 'desk',
    });
    expect(budget).toContain('> cut spending on schools\n\nCheck the schools figure');
  });

  it('writes the original bytes of each article as plain text, the trash and a device name included when asked', async () => {
    const dir = fresh('txt');
    await f.lib.exportArticles({
      format: 'txt',
      out: dir,
      scope: { ids: [f.ids['latin1.txt']!, f.ids['con.txt']!] },
    });
    expect(readdirSync(dir).sort()).toEqual(['Café crème prices.txt', '_CON.txt'].sort());
    expect(readFileSync(join(dir, 'Café crème prices.txt'))).toEqual(TEXTS['latin1.txt']);
    expect(readFileSync(join(dir, '_CON.txt'), 'utf8')).toBe(TEXTS['con.txt']);
  });

  it('writes JSON Lines: a header, then one valid record per article, the trash included for the whole library', async () => {
    const file = fresh('all.jsonl');
    const result = await f.lib.exportArticles({ format: 'jsonl', out: file, scope: {} });
    expect(result.exported).toBe(5);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const header = jsonlHeaderSchema.parse(JSON.parse(lines[0]!));
    expect(header.count).toBe(5);
    const records = lines.slice(1, -1).map((l) => jsonlRecordSchema.parse(JSON.parse(l)));
    expect(records.map((r) => r.id).sort()).toEqual(Object.values(f.ids).sort());
    const latin = records.find((r) => r.id === f.ids['latin1.txt'])!;
    expect(Buffer.from(latin.originalBase64, 'base64')).toEqual(TEXTS['latin1.txt']);
    expect(latin.original).toContain('Café crème');
    const budget = records.find((r) => r.id === f.ids['desk/budget.txt'])!;
    expect(budget.highlights).toHaveLength(1);
    expect(budget.highlights[0]!.note).toBe('Check the schools figure');
    expect(records.find((r) => r.id === f.ids['con.txt'])!.trashedAt).not.toBeNull();
  });

  it('narrows by tag, collection and dates, and leaves the trash out of a narrowed JSON Lines export', async () => {
    const byTag = await f.lib.exportArticles({
      format: 'jsonl',
      out: fresh('tag.jsonl'),
      scope: { tags: ['Economy'] },
    });
    expect(byTag.exported).toBe(2);
    const byCollection = await f.lib.exportArticles({
      format: 'csv',
      out: fresh('desk.csv'),
      scope: { collection: 'DESK' },
    });
    expect(byCollection.exported).toBe(2);
    const dated = await f.lib.exportArticles({
      format: 'csv',
      out: fresh('dated.csv'),
      scope: { from: '2014-03-01', to: '2014-03-31' },
    });
    const budget = (await f.lib.get(f.ids['desk/budget.txt']!)).articleDate;
    expect(budget?.startsWith('2014-03')).toBe(true);
    expect(dated.exported).toBe(1);
    const trash = await f.lib.exportArticles({
      format: 'csv',
      out: fresh('trash.csv'),
      scope: { view: 'trash' },
    });
    expect(trash.exported).toBe(1);
  });

  it('exports what a search finds, with the view narrowing it', async () => {
    const file = fresh('search.csv');
    const result = await f.lib.exportArticles({
      format: 'csv',
      out: file,
      scope: { query: 'budget' },
    });
    expect(result.exported).toBe(2);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffid,title,')).toBe(true);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
    const none = await f.lib.exportArticles({
      format: 'csv',
      out: fresh('none.csv'),
      scope: { query: 'budget', view: 'favourites' },
    });
    expect(none.exported).toBe(0);
  });

  it('reports progress up to the total', async () => {
    const seen: ExportProgress[] = [];
    await f.lib.exportArticles(
      { format: 'jsonl', out: fresh('p.jsonl'), scope: {} },
      { onProgress: (p) => seen.push(p) },
    );
    expect(seen.at(-1)).toEqual({ done: 5, total: 5 });
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
  });

  it('leaves nothing behind when cancelled, in a file or a folder', async () => {
    for (const [format, name] of [
      ['jsonl', 'c.jsonl'],
      ['md', 'c-md'],
    ] as const) {
      const path = fresh(name);
      const stop = new AbortController();
      stop.abort();
      const e = await failure(
        f.lib.exportArticles({ format, out: path, scope: {} }, { signal: stop.signal }),
      );
      expect(e.code).toBe('CANCELLED');
      expect(existsSync(path)).toBe(false);
    }
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('never writes into a folder that holds files, nor a file over a folder', async () => {
    const full = fresh('full');
    mkdirSync(full);
    writeFileSync(join(full, 'mine.txt'), 'keep me');
    expect((await failure(f.lib.exportArticles({ format: 'md', out: full, scope: {} }))).code).toBe(
      'BAD_ARGUMENT',
    );
    expect(readdirSync(full)).toEqual(['mine.txt']);
    expect(
      (await failure(f.lib.exportArticles({ format: 'jsonl', out: full, scope: {} }))).code,
    ).toBe('BAD_ARGUMENT');
    const empty = fresh('empty');
    mkdirSync(empty);
    const result = await f.lib.exportArticles({ format: 'md', out: empty, scope: {} });
    expect(readdirSync(empty)).toHaveLength(result.exported);
    const missing = join(out, 'no-such-folder', 'x.jsonl');
    expect(
      (await failure(f.lib.exportArticles({ format: 'jsonl', out: missing, scope: {} }))).code,
    ).toBe('BAD_ARGUMENT');
  });

  it('refuses a malformed request with BAD_ARGUMENT and an unknown id with NOT_FOUND', async () => {
    const bad = { format: 'pdf', out: fresh('x'), scope: {} } as unknown as Parameters<
      typeof f.lib.exportArticles
    >[0];
    expect((await failure(f.lib.exportArticles(bad))).code).toBe('BAD_ARGUMENT');
    expect(
      (
        await failure(
          f.lib.exportArticles({
            format: 'jsonl',
            out: fresh('y.jsonl'),
            scope: { ids: ['ffffffffffffffff'] },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});
