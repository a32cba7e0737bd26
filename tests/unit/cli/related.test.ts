// archive-reader related ID [--limit N] [--json]: the CLI spawned from source on a temp library.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const ARTICLES: Record<string, string> = {
  'comet-1':
    'Comet seen from the observatory\n\nAstronomers at the observatory tracked the comet across the night sky with a new telescope.\n',
  'comet-2':
    'Telescope finds a second comet\n\nThe observatory telescope found another comet; astronomers say its orbit is long.\n',
  'comet-3':
    'Astronomers name the comet\n\nThe comet the observatory found last week has a name; its orbit brings it back in 200 years.\n',
  'bread-1':
    'Bread rises again\n\nBakers knead the dough, let the yeast work, and bake the bread in a hot oven.\n',
  'bread-2':
    'Sourdough bakers\n\nThe bakers keep a sourdough starter; the dough rises slowly before the oven.\n',
};

const { cli } = cliOnNewLibrary('ar-cli-related-lib-');
const ids = new Map<string, string>();

interface Related {
  hits: { id: string; title: string; score: number }[];
}

beforeAll(async () => {
  const src = tempDir('ar-cli-related-src-');
  for (const [name, text] of Object.entries(ARTICLES))
    writeFileSync(join(src, `${name}.txt`), text);
  const run = await cli('import', src, '--json');
  expect(run.code, run.stderr).toBe(0);
  const { imported } = json<{ imported: { id: string; path: string }[] }>(run);
  for (const a of imported) ids.set(a.path.split(/[\\/]/).at(-1)!.replace('.txt', ''), a.id);
  expect(ids.size).toBe(5);
});

describe('related', () => {
  it('lists the articles on the same subject first, as {hits:[{id, title, score}]}', async () => {
    const result = json<Related>(ok(await cli('related', ids.get('comet-1')!, '--json')));
    for (const h of result.hits) expect(Object.keys(h).sort()).toEqual(['id', 'score', 'title']);
    const found = result.hits.map((h) => h.id);
    expect(found).not.toContain(ids.get('comet-1'));
    expect(new Set(found.slice(0, 2))).toEqual(new Set([ids.get('comet-2'), ids.get('comet-3')]));
    expect(result.hits[0]!.score).toBeGreaterThan(0);
  });

  it('respects --limit and prints numbered lines with title, id and score', async () => {
    const one = json<Related>(
      ok(await cli('related', ids.get('bread-1')!, '--limit', '1', '--json')),
    );
    expect(one.hits.map((h) => h.id)).toEqual([ids.get('bread-2')]);
    const text = ok(await cli('related', ids.get('bread-1')!, '--limit', '1')).stdout;
    expect(text).toMatch(
      new RegExp(
        `^1\\. Sourdough bakers {2}\\[${ids.get('bread-2')}\\] {2}score \\d+\\.\\d\\d\\n$`,
      ),
    );
  });

  it('leaves out trashed articles', async () => {
    ok(await cli('remove', ids.get('comet-2')!));
    try {
      const result = json<Related>(ok(await cli('related', ids.get('comet-1')!, '--json')));
      expect(result.hits.map((h) => h.id)).not.toContain(ids.get('comet-2'));
      expect(result.hits[0]!.id).toBe(ids.get('comet-3'));
    } finally {
      ok(await cli('restore', ids.get('comet-2')!));
    }
  });

  it('exits 3 for an unknown id and 2 for bad usage, with one line', async () => {
    const unknown = await cli('related', '0123456789abcdef');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    const asJson = await cli('related', '0123456789abcdef', '--json');
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe('NOT_FOUND');
    for (const args of [
      ['related'],
      ['related', 'nope'],
      ['related', ids.get('comet-1')!, '--limit', '0'],
      ['related', ids.get('comet-1')!, '--limit', '101'],
      ['related', ids.get('comet-1')!, '--sort', 'title'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
