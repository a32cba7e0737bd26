// Versions of the same story in the engine: grouped at import, kept in step with trash,
// restore and purge, and the same after a reopen, with or without the cache file.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { SIGNATURE_CACHE_FILE } from '../../../main/core/store/signature-cache';
import { openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';
import { seeded, story, VERSIONS, vocabulary } from '../../support/stories';

const rand = seeded(5);
const vocab = vocabulary(3000, rand);

/** Two stories with two versions each, and one story alone. */
async function library(): Promise<{
  lib: LibraryEngine;
  dir: string;
  ids: Record<string, string>;
}> {
  const a = story(rand, vocab);
  const b = story(rand, vocab);
  const files = {
    'a.txt': a,
    'a-headline.txt': VERSIONS.headline(VERSIONS.wordsSubstituted(a, rand, vocab)),
    'a-cut.txt': VERSIONS.dateline(VERSIONS.lastParagraphCut(a)),
    'b.txt': b,
    'b-cut.txt': VERSIONS.firstParagraphCut(b),
    'alone.txt': story(rand, vocab),
  };
  const src = tempDir();
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(writeArticles(src, files).map((path) => ({ path })));
  const ids: Record<string, string> = {};
  for (const e of summary.imported) ids[e.path.split('/').pop()!.replace('.txt', '')] = e.id;
  expect(Object.keys(ids)).toHaveLength(6);
  return { lib, dir, ids };
}

const sorted = (list: string[]) => [...list].sort();

describe('versions of the same story', () => {
  it('groups near-duplicates at import; get() lists the other versions', async () => {
    const { lib, ids } = await library();
    const groupA = sorted([ids.a!, ids['a-headline']!, ids['a-cut']!]);
    const groupB = sorted([ids.b!, ids['b-cut']!]);
    const { groups } = await lib.listVersions();
    expect(sorted(groups.map((g) => g.ids.join()))).toEqual(sorted([groupA.join(), groupB.join()]));
    expect((await lib.get(ids.a!)).versions).toEqual(sorted([ids['a-headline']!, ids['a-cut']!]));
    expect((await lib.get(ids['b-cut']!)).versions).toEqual([ids.b]);
    expect((await lib.get(ids.alone!)).versions).toEqual([]);
    // The group's title is one of its articles' (the earliest imported).
    const a = groups.find((g) => g.ids.includes(ids.a!))!;
    const titles = await Promise.all(groupA.map(async (id) => (await lib.get(id)).title));
    expect(titles).toContain(a.title);
    await lib.close();
  });

  it('leaves trashed articles out, puts restored ones back, forgets purged ones', async () => {
    const { lib, ids } = await library();
    await lib.trash([ids['b-cut']!]);
    expect((await lib.get(ids.b!)).versions).toEqual([]);
    expect((await lib.listVersions()).groups).toHaveLength(1);
    await lib.restore([ids['b-cut']!]);
    expect((await lib.get(ids.b!)).versions).toEqual([ids['b-cut']]);
    await lib.trash([ids['a-cut']!]);
    await lib.purge([ids['a-cut']!]);
    expect((await lib.get(ids.a!)).versions).toEqual([ids['a-headline']]);
    await lib.trash([ids['a-headline']!]);
    await lib.emptyTrash();
    expect((await lib.get(ids.a!)).versions).toEqual([]);
    expect((await lib.listVersions()).groups.map((g) => g.ids)).toEqual([
      sorted([ids.b!, ids['b-cut']!]),
    ]);
    await lib.close();
  });

  it('keeps the groups across a reopen, from the cache or computed again without it', async () => {
    const { lib, dir, ids } = await library();
    const before = await lib.listVersions();
    await lib.close();
    expect(existsSync(join(dir, SIGNATURE_CACHE_FILE))).toBe(true);

    const again = await openFake(dir);
    expect(await again.listVersions()).toEqual(before);
    await again.close();

    rmSync(join(dir, SIGNATURE_CACHE_FILE));
    const rebuilt = await openFake(dir, { readOnly: true });
    expect(await rebuilt.listVersions()).toEqual(before);
    expect((await rebuilt.get(ids['a-cut']!)).versions).toEqual(
      sorted([ids.a!, ids['a-headline']!]),
    );
    await rebuilt.close();

    writeFileSync(join(dir, SIGNATURE_CACHE_FILE), 'damaged');
    const repaired = await openFake(dir);
    expect(await repaired.listVersions()).toEqual(before);
    await repaired.reindex();
    expect(await repaired.listVersions()).toEqual(before);
    await repaired.close();
    expect(existsSync(join(dir, SIGNATURE_CACHE_FILE))).toBe(true);
  });

  it('a story imported later joins the versions already there', async () => {
    const { lib, ids } = await library();
    const src = tempDir();
    const text = (await lib.get(ids.alone!)).original;
    const [path] = writeArticles(src, { 'alone-2.txt': VERSIONS.headline(text) });
    const summary = await lib.importSources([{ path: path! }]);
    const id = summary.imported[0]!.id;
    expect((await lib.get(ids.alone!)).versions).toEqual([id]);
    expect((await lib.get(id)).versions).toEqual([ids.alone]);
    await lib.close();
  });
});
