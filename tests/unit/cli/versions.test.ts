// archive-reader versions and the versions of show --json: the CLI spawned from source.

import { beforeAll, describe, expect, it } from 'vitest';
import { seeded, story, VERSIONS, vocabulary } from '../../support/stories';
import { writeArticles } from '../core/library-helpers';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const { cli } = cliOnNewLibrary('ar-cli-versions-lib-');

interface Imported {
  imported: { id: string; path: string }[];
}

describe('archive-reader versions', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const rand = seeded(31);
    const vocab = vocabulary(3000, rand);
    const a = story(rand, vocab);
    const src = tempDir('ar-cli-versions-src-');
    writeArticles(src, {
      'a.txt': a,
      'a-2.txt': VERSIONS.dateline(VERSIONS.headline(a)),
      'a-3.txt': VERSIONS.wordsSubstituted(VERSIONS.firstParagraphCut(a), rand, vocab),
      'other.txt': story(rand, vocab),
    });
    const run = ok(await cli('import', src, '--json'));
    for (const e of json<Imported>(run).imported) {
      ids[e.path.split(/[\\/]/).pop()!.replace('.txt', '')] = e.id;
    }
  }, 60_000);

  it('--json lists every group of two or more with its ids and title', async () => {
    const { groups } = json<{ groups: { ids: string[]; title: string }[] }>(
      ok(await cli('versions', '--json')),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ids).toEqual([ids.a!, ids['a-2']!, ids['a-3']!].sort());
    expect(typeof groups[0]!.title).toBe('string');
    expect(Object.keys(groups[0]!).sort()).toEqual(['ids', 'title']);
  });

  it('show --json gains the other versions, empty when none', async () => {
    const shown = json<{ versions: string[] }>(ok(await cli('show', ids['a-2']!, '--json')));
    expect(shown.versions).toEqual([ids.a!, ids['a-3']!].sort());
    const other = json<{ versions: string[] }>(ok(await cli('show', ids.other!, '--json')));
    expect(other.versions).toEqual([]);
  });

  it('prints one block per group for people, and refuses arguments', async () => {
    const out = ok(await cli('versions')).stdout;
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.split('\n')).toHaveLength(4);
    for (const id of [ids.a!, ids['a-2']!, ids['a-3']!]) expect(blocks[0]).toContain(id);
    expect(blocks[1]).toBe('1 group');
    const refused = await cli('versions', 'extra');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
  });

  it('follows the trash', async () => {
    ok(await cli('remove', ids.a!));
    const { groups } = json<{ groups: { ids: string[] }[] }>(ok(await cli('versions', '--json')));
    expect(groups.map((g) => g.ids)).toEqual([[ids['a-2']!, ids['a-3']!].sort()]);
    ok(await cli('remove', ids['a-3']!));
    expect(ok(await cli('versions')).stdout).toMatch(/^No versions/);
  });

  it('versions main ID marks the main version of a story', async () => {
    ok(await cli('restore', ids.a!, ids['a-3']!));
    const marked = json<{ main: string; ids: string[] }>(
      ok(await cli('versions', 'main', ids['a-3']!, '--json')),
    );
    expect(marked).toEqual({ main: ids['a-3'], ids: [ids.a!, ids['a-2']!, ids['a-3']!].sort() });
    const text = ok(await cli('versions', 'main', ids['a-2']!)).stdout;
    expect(text).toContain(`(3 versions)`);
    expect(text).toContain(`[${ids['a-2']}]`);
    const refused = await cli('versions', 'main', ids.other!);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no other versions');
    for (const bad of [['main'], ['main', 'nope'], ['primary', ids.a!]]) {
      const run = await cli('versions', ...bad);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});
