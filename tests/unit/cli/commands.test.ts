// Every command end to end: the CLI is spawned from source on a temp library.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeArticles, TITLES } from './library-fixture';
import { json, runCli, tempDir, type CliRun } from './run-cli';

interface Imported {
  imported: { id: string; title: string; path: string }[];
  duplicates: { path: string; id: string }[];
  failed: { path: string; reason: string }[];
  skipped: number;
}
interface Hits {
  total: number;
  hits: { id: string; title: string; score: number; snippet: string }[];
}

const library = tempDir('ar-cli-lib-');
const env = { ARCHIVE_READER_LIBRARY: library };
const cli = (...args: string[]): Promise<CliRun> => runCli(args, { env });
const ok = (run: CliRun): CliRun => {
  expect(run.stderr, `stderr of a successful run`).toBe('');
  expect(run.code).toBe(0);
  return run;
};

let ids: Record<keyof typeof TITLES, string>;

beforeAll(async () => {
  const first = await cli('import', writeArticles(), '--json');
  const summary = json<Imported>(first);
  expect(first.code, first.stderr).toBe(0);
  const byTitle = (t: string) => summary.imported.find((a) => a.title === t)?.id ?? '';
  ids = {
    harbour: byTitle(TITLES.harbour),
    copper: byTitle(TITLES.copper),
    meadow: byTitle(TITLES.meadow),
  };
});

describe('import', () => {
  it('reports imported, duplicate and skipped files in JSON', async () => {
    expect(Object.values(ids).every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    // Importing the same folder again makes every article a duplicate of the stored one.
    const again = json<Imported>(ok(await cli('import', writeArticles(), '--json')));
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(4);
    expect(again.duplicates.map((d) => d.id)).toContain(ids.copper);
    expect(again.failed).toEqual([]);
    expect(again.skipped).toBe(1);
    for (const d of again.duplicates)
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['path', 'id']));
  });

  it('prints a human summary with no progress when stderr is not a terminal', async () => {
    const run = ok(
      await runCli(['import', writeArticles()], { env: { ARCHIVE_READER_LIBRARY: tempDir() } }),
    );
    expect(run.stdout).toContain('3 imported, 1 duplicates, 0 failed, 1 skipped');
    expect(run.stdout).toMatch(/\+ [0-9a-f]{16} {2}Copper prices rise sharply/);
    expect(run.stderr).not.toContain('Importing');
  });
});

describe('list', () => {
  it('lists every article as JSON and as a table', async () => {
    const page = json<{ total: number; items: { id: string; title: string }[] }>(
      ok(await cli('list', '--json')),
    );
    expect(page.total).toBe(3);
    expect(page.items.map((a) => a.id).sort()).toEqual(Object.values(ids).sort());
    const table = ok(await cli('list')).stdout;
    expect(table.split('\n')[0]).toMatch(/^ID +DATE +PLACE +TITLE +TAGS$/);
    expect(table).toContain(TITLES.meadow);
    expect(table).toContain('3 articles');
  });

  it('sorts by title and limits rows', async () => {
    const page = json<{ items: { title: string }[] }>(
      ok(await cli('list', '--sort', 'title', '--json')),
    );
    const titles = page.items.map((a) => a.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    const one = ok(await cli('list', '--limit', '1')).stdout;
    expect(one).toContain('1 of 3 articles');
  });
});

describe('search', () => {
  it('returns hits with id, title, score and snippet', async () => {
    const result = json<Hits>(ok(await cli('search', 'copper', '--json')));
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.id).sort()).toEqual([ids.copper, ids.harbour].sort());
    for (const h of result.hits) {
      expect(typeof h.score).toBe('number');
      expect(h.snippet.toLowerCase()).toContain('copper');
    }
    expect(result.hits[0]!.id).toBe(ids.copper);
  });

  it('marks matches with guillemets when stdout is not a terminal', async () => {
    const out = ok(await cli('search', 'violin')).stdout;
    expect(out).toContain(`1. ${TITLES.meadow.replace('Violin', '«Violin»')}`);
    expect(out).toMatch(/«violin»/);
    expect(out).toContain('1 match');
  });

  it('says so when nothing matches', async () => {
    const out = ok(await cli('search', 'zeppelin')).stdout;
    expect(out).toContain('No matching articles.');
  });
});

describe('show', () => {
  it('prints the article as JSON with the required fields', async () => {
    const view = json<Record<string, unknown>>(ok(await cli('show', ids.harbour, '--json')));
    expect(view).toMatchObject({ id: ids.harbour, title: TITLES.harbour, tags: [] });
    for (const key of ['body', 'place', 'language']) expect(view).toHaveProperty(key);
    expect(String(view.body)).toContain('harbour lanterns were lit');
    expect(view).not.toHaveProperty('original');
  });

  it('prints the clean body, or the original text with --original', async () => {
    const human = ok(await cli('show', ids.harbour)).stdout;
    expect(human.split('\n')[0]).toBe(TITLES.harbour);
    expect(human).toContain(`id ${ids.harbour}`);
    const original = json<{ original: string }>(
      ok(await cli('show', ids.harbour, '--original', '--json')),
    );
    expect(original.original).toContain('LONDON – The harbour');
    expect(ok(await cli('show', ids.harbour, '--original')).stdout).toContain(
      'LONDON – The harbour',
    );
  });
});

describe('tags', () => {
  it('tags, lists tags, filters by tag and untags', async () => {
    const tagged = json<{ id: string; tags: string[] }>(
      ok(await cli('tag', ids.meadow, 'Music', 'weekend', '--json')),
    );
    expect(tagged).toEqual({ id: ids.meadow, tags: ['Music', 'weekend'] });
    ok(await cli('tag', ids.copper, 'music'));
    const tags = json<{ tags: { name: string; count: number }[] }>(ok(await cli('tags', '--json')));
    expect(tags.tags.find((t) => t.name.toLowerCase() === 'music')?.count).toBe(2);
    expect(tags.tags.find((t) => t.name === 'weekend')?.count).toBe(1);
    expect(ok(await cli('tags')).stdout).toMatch(/weekend +1/);

    const listed = json<{ items: { id: string }[] }>(
      ok(await cli('list', '--tag', 'weekend', '--json')),
    );
    expect(listed.items.map((a) => a.id)).toEqual([ids.meadow]);
    const found = json<Hits>(ok(await cli('search', 'copper', '--tag', 'music', '--json')));
    expect(found.hits.map((h) => h.id)).toEqual([ids.copper]);

    const after = ok(await cli('untag', ids.meadow, 'WEEKEND')).stdout;
    expect(after).toContain('tags: Music');
    expect(after).not.toContain('weekend');
  });
});

describe('remove and restore', () => {
  it('moves an article to the trash and back', async () => {
    expect(ok(await cli('remove', ids.harbour)).stdout).toContain('Moved 1 article to the trash');
    const all = json<{ items: { id: string }[] }>(ok(await cli('list', '--json')));
    expect(all.items.map((a) => a.id)).not.toContain(ids.harbour);
    const trash = json<{ items: { id: string }[] }>(
      ok(await cli('list', '--view', 'trash', '--json')),
    );
    expect(trash.items.map((a) => a.id)).toEqual([ids.harbour]);
    expect(json<Hits>(ok(await cli('search', 'lanterns', '--json'))).total).toBe(0);

    expect(json(ok(await cli('restore', ids.harbour, '--json')))).toEqual({
      restored: [ids.harbour],
    });
    expect(json<Hits>(ok(await cli('search', 'lanterns', '--json'))).total).toBe(1);
  });

  it('changes nothing when one of the ids is unknown', async () => {
    const run = await cli('remove', ids.copper, 'ffffffffffffffff');
    expect(run.code).toBe(3);
    const all = json<{ total: number }>(ok(await cli('list', '--json')));
    expect(all.total).toBe(3);
  });
});

describe('reindex and stats', () => {
  it('rebuilds the index and still finds articles', async () => {
    const done = json<{ documents: number }>(ok(await cli('reindex', '--json')));
    expect(done.documents).toBe(3);
    expect(json<Hits>(ok(await cli('search', 'meadow', '--json'))).total).toBe(1);
  });

  it('prints statistics', async () => {
    const stats = json<{ articles: number; libraryPath: string; index: { documents: number } }>(
      ok(await cli('stats', '--json')),
    );
    expect(stats.articles).toBe(3);
    expect(stats.libraryPath).toBe(library);
    const human = ok(await cli('stats')).stdout;
    expect(human).toMatch(/^Library +/m);
    expect(human).toMatch(/Articles +3 /);
  });
});

describe('library choice', () => {
  it('takes --library over ARCHIVE_READER_LIBRARY', async () => {
    const other = join(tempDir(), 'other-lib');
    const src = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(src, 'one.txt'),
      'Lonely lighthouse\n\nA lighthouse stands alone on the cliff.\n',
    );
    ok(await cli('import', src, '--library', other));
    expect(json<{ total: number }>(ok(await cli('list', '--library', other, '--json'))).total).toBe(
      1,
    );
    expect(json<{ total: number }>(ok(await cli('list', '--json'))).total).toBe(3);
    // A relative --library is taken from the working directory.
    const rel = await runCli(['list', '--library', 'other-lib', '--json'], {
      env,
      cwd: join(other, '..'),
    });
    expect(json<{ total: number }>(ok(rel)).total).toBe(1);
  });
});
