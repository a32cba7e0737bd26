// The organising commands as issue 14 names them: `list --collection`, `show --json`'s
// collection, `collection:` in search, `saved ...` and `rule ... / rules`, spawned from source.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const { cli } = cliOnNewLibrary('ar-cli-organise-lib-');
const src = tempDir('ar-cli-organise-src-');

/** Writes an article under `src`. */
function put(path: string, title: string, body: string): string {
  const file = join(src, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${title}\n\n${body}\n`);
  return file;
}

interface Page {
  total: number;
  items: { id: string; title: string; collection: string | null; tags: string[] }[];
}

const ids = new Map<string, string>();

beforeAll(async () => {
  put('archive/rivers/nile.txt', 'The Nile floods', 'Farmers along the river wait for the flood.');
  put('archive/rivers/deep/danube.txt', 'Danube barges', 'Barges carry grain along the river.');
  put('archive/mountains/alps.txt', 'Alpine passes', 'Snow closes the passes above the valley.');
  put('archive/top.txt', 'Notes at the top', 'A river of notes kept at the top of the folder.');
  const alone = put('loose/lone.txt', 'A lone river file', 'This river file was imported alone.');
  const run = ok(await cli('import', join(src, 'archive'), alone, '--json'));
  for (const a of json<{ imported: { id: string; path: string }[] }>(run).imported) {
    ids.set(a.path.split(/[\\/]/).at(-1)!.replace('.txt', ''), a.id);
  }
  expect(ids.size).toBe(5);
});

describe('collections', () => {
  it('are the first folder below the imported one; none at its top or for a lone file', async () => {
    const page = json<Page>(ok(await cli('list', '--json')));
    const of = (name: string) => page.items.find((a) => a.id === ids.get(name))!.collection;
    expect(of('nile')).toBe('rivers');
    expect(of('danube')).toBe('rivers');
    expect(of('alps')).toBe('mountains');
    expect(of('top')).toBeNull();
    expect(of('lone')).toBeNull();
  });

  it('filter `list --collection` (any case) and `collection:` in search', async () => {
    const listed = json<Page>(ok(await cli('list', '--collection', 'RIVERS', '--json')));
    expect(listed.items.map((a) => a.id).sort()).toEqual(
      [ids.get('nile'), ids.get('danube')].sort(),
    );
    const found = json<{ total: number; hits: { id: string }[] }>(
      ok(await cli('search', 'river collection:rivers', '--json')),
    );
    expect(found.hits.map((h) => h.id).sort()).toEqual([ids.get('nile'), ids.get('danube')].sort());
    const without = json<{ total: number; hits: { id: string }[] }>(
      ok(await cli('search', 'river -collection:rivers', '--json')),
    );
    expect(without.hits.map((h) => h.id)).not.toContain(ids.get('nile'));
    expect(without.hits.map((h) => h.id)).toContain(ids.get('lone'));
  });

  it('show --json carries collection (string or null) and keeps sourcePath', async () => {
    const nile = json<{ collection: unknown; sourcePath: unknown }>(
      ok(await cli('show', ids.get('nile')!, '--json')),
    );
    expect(nile.collection).toBe('rivers');
    expect(nile.sourcePath).toBe(join(src, 'archive/rivers/nile.txt'));
    const lone = json<{ collection: unknown }>(ok(await cli('show', ids.get('lone')!, '--json')));
    expect(lone.collection).toBeNull();
  });

  it('refuses a bad --collection as usage (exit 2)', async () => {
    const run = await cli('list', '--collection', ' ');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--collection/);
  });
});

describe('saved searches', () => {
  it('add, list as {saved:[{name, query, count}]}, run as search does, remove', async () => {
    ok(await cli('saved', 'add', 'River news', 'river'));
    const listed = json<{ saved: unknown[] }>(ok(await cli('saved', '--json')));
    expect(listed).toEqual({ saved: [{ name: 'River news', query: 'river', count: 4 }] });
    const ran = json(ok(await cli('saved', 'run', 'river NEWS', '--json')));
    const searched = json(ok(await cli('search', 'river', '--json')));
    expect(Object.keys(ran).sort()).toEqual(Object.keys(searched).sort());
    const strip = (r: Record<string, unknown>) => ({ ...r, tookMs: 0 });
    expect(strip(ran)).toEqual(strip(searched));
    const text = ok(await cli('saved', 'run', 'River news', '--limit', '1')).stdout;
    expect(text).toMatch(/^1\. /);
    expect(text).toMatch(/1 of 4 matches/);
  });

  it('keeps names unique regardless of case', async () => {
    const run = await cli('saved', 'add', 'RIVER NEWS', 'flood');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists/);
  });

  it('counts what arrives later, and forgets a removed one', async () => {
    put('later/more-river.txt', 'More river', 'Another river story arrives.');
    ok(await cli('import', join(src, 'later', 'more-river.txt')));
    const listed = json<{ saved: { count: number }[] }>(ok(await cli('saved', '--json')));
    expect(listed.saved[0]!.count).toBe(5);
    ok(await cli('saved', 'remove', 'river news'));
    expect(json(ok(await cli('saved', '--json')))).toEqual({ saved: [] });
    const missing = await cli('saved', 'run', 'River news');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no saved search named/);
  });

  it('refuses unknown subcommands and missing queries as usage', async () => {
    expect((await cli('saved', 'rename', 'a', 'b')).code).toBe(2);
    expect((await cli('saved', 'add', 'Only a name')).code).toBe(2);
  });
});

describe('tagging rules', () => {
  it('rule add tags every match at once and says how many got the tag', async () => {
    // A person tagged the Nile article first: the rule must never take that tag away.
    ok(await cli('tag', ids.get('nile')!, 'Water'));
    const added = ok(await cli('rule', 'add', 'Water', 'river OR flood'));
    // nile, danube, top, lone, more-river match; nile had the tag already.
    expect(added.stdout).toMatch(/^4 articles got the tag "Water"/);
    const rules = json(ok(await cli('rules', '--json')));
    expect(rules).toEqual({ rules: [{ tag: 'Water', query: 'river OR flood', matched: 5 }] });
  });

  it('tags matching articles of every later import', async () => {
    put('later2/flood.txt', 'Flood warning', 'The flood reached the lower town.');
    put('later2/snow.txt', 'Snow report', 'Snow fell on the passes.');
    const run = ok(await cli('import', join(src, 'later2'), '--json'));
    const imported = json<{ imported: { id: string; path: string }[] }>(run).imported;
    const flood = imported.find((a) => a.path.endsWith('flood.txt'))!.id;
    const snow = imported.find((a) => a.path.endsWith('snow.txt'))!.id;
    const tagged = json<Page>(ok(await cli('list', '--tag', 'water', '--json')));
    expect(tagged.items.map((a) => a.id)).toContain(flood);
    expect(tagged.items.map((a) => a.id)).not.toContain(snow);
  });

  it('rule remove takes the tag off only what the rule tagged', async () => {
    const run = ok(await cli('rule', 'remove', 'water'));
    expect(run.stdout).toMatch(/came off 5 articles/);
    const tagged = json<Page>(ok(await cli('list', '--tag', 'Water', '--json')));
    expect(tagged.items.map((a) => a.id)).toEqual([ids.get('nile')]);
    expect(json(ok(await cli('rules', '--json')))).toEqual({ rules: [] });
  });

  it('refuses a bad query (exit 2) and an unknown rule (exit 3)', async () => {
    expect((await cli('rule', 'add', 'Odd', '"unclosed')).code).toBe(2);
    expect((await cli('rule', 'remove', 'Nothing')).code).toBe(3);
  });
});
