// The engine calls behind the versions UI: the rows' version counts, comparing two versions
// sentence by sentence, the main version (kept in the library across a reopen) and lists and
// counts that show one article per story.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEngine, LibraryChange } from '../../../main/core/engine';
import { MAIN_VERSIONS_FILE } from '../../../main/core/library/main-versions';
import { openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';
import { seeded, vocabulary } from '../../support/stories';

const rand = seeded(31);
const vocab = vocabulary(2000, rand);
const pick = () => vocab[Math.floor(rand() * vocab.length)]!;

/** A sentence of 8 to 15 made-up words. */
function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(rand() * 8) }, pick);
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
}

/** Paragraphs of sentences (no corpus text). */
function paragraphs(count = 5, per = 4): string[][] {
  return Array.from({ length: count }, () => Array.from({ length: per }, sentence));
}

const render = (title: string, paras: string[][]) =>
  `${title}\n\n${paras.map((p) => p.join(' ')).join('\n\n')}\n`;

/** Story A in three versions (one adds a sentence, one drops one), story B in two, C alone. */
async function library(dir = join(tempDir(), 'lib')) {
  const a = paragraphs();
  const added = 'A sentence only the second version carries about the harbour.';
  const aPlus = a.map((p, i) => (i === 2 ? [...p.slice(0, 2), added, ...p.slice(2)] : p));
  const aMinus = a.map((p, i) => (i === 1 ? p.filter((_, j) => j !== 3) : p));
  const b = paragraphs();
  const files = {
    // Imported one by one below, so import order is this order.
    'a.txt': render('Story A', a),
    'a-plus.txt': render('Story A, with more', aPlus),
    'a-minus.txt': render('Story A, shorter', aMinus),
    'b.txt': render('Story B', b),
    'b-again.txt': render('Story B again', [...b, [sentence()]]),
    'c.txt': render('Story C', paragraphs()),
  };
  const src = tempDir();
  const lib = await openFake(dir);
  const ids: Record<string, string> = {};
  for (const path of writeArticles(src, files)) {
    const summary = await lib.importSources([{ path }]);
    ids[path.split('/').pop()!.replace('.txt', '')] = summary.imported[0]!.id;
  }
  await lib.listVersions();
  return { lib, dir, ids, removedSentence: a[1]![3]!, added };
}

const idsOf = async (lib: LibraryEngine, hideVersions?: boolean) =>
  (await lib.list({ hideVersions, limit: 100 })).items.map((m) => m.id).sort();

describe('versions in lists, counts and the reader', () => {
  it('lists how many versions each row has once the groups are built', async () => {
    const { lib, ids } = await library();
    const rows = new Map((await lib.list({ limit: 100 })).items.map((m) => [m.id, m]));
    expect(rows.get(ids.a!)!.versionCount).toBe(3);
    expect(rows.get(ids['a-minus']!)!.versionCount).toBe(3);
    expect(rows.get(ids.b!)!.versionCount).toBe(2);
    expect(rows.get(ids.c!)!.versionCount).toBeUndefined();
    expect((await lib.get(ids.b!)).versionCount).toBe(2);
    await lib.close();
  });

  it('tells when the groups are built after an open, so rows can show their counts', async () => {
    const { lib, dir } = await library();
    await lib.close();
    const again = await openFake(dir);
    const changes: LibraryChange[] = [];
    again.onChange((c) => changes.push(c));
    const first = await again.list({ limit: 100 });
    // Not built yet: no counts (and no hiding) rather than a list held back for them.
    expect(first.items.every((m) => m.versionCount === undefined)).toBe(true);
    expect((await again.list({ hideVersions: true, limit: 100 })).total).toBe(6);
    await expect.poll(() => changes.map((c) => c.reason), { timeout: 5000 }).toContain('versions');
    const counted = (await again.list({ limit: 100 })).items.filter((m) => m.versionCount);
    expect(counted).toHaveLength(5);
    await again.close();
  });

  it('hides other versions: one row per story, the earliest imported, with a true total', async () => {
    const { lib, ids } = await library();
    expect(await idsOf(lib, true)).toEqual([ids.a!, ids.b!, ids.c!].sort());
    const page = await lib.list({ hideVersions: true, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect(await idsOf(lib)).toHaveLength(6);
    // Filters apply to the shown version: a story whose main is read leaves the unread view.
    await lib.setRead([ids.a!], true);
    const unread = await lib.list({ view: 'unread', hideVersions: true });
    expect(unread.items.map((m) => m.id).sort()).toEqual([ids.b!, ids.c!].sort());
    expect(unread.total).toBe(2);
    await lib.close();
  });

  it('counts what the list shows when other versions are hidden', async () => {
    const { lib, ids } = await library();
    await lib.addTags([ids['a-plus']!, ids['b-again']!, ids.c!], ['harbour']);
    await lib.addTags([ids['a-plus']!], ['wire']);
    await lib.setFavourite([ids['a-minus']!], true);
    const all = await lib.stats();
    expect(all.articles).toBe(6);
    expect(all.hiddenVersions).toBeUndefined();
    const shown = await lib.stats({ hideVersions: true });
    expect(shown.articles).toBe(3);
    expect(shown.hiddenVersions).toBe(3);
    expect(shown.unread).toBe(3);
    expect(shown.favourites).toBe(0);
    expect(shown.tags).toEqual([{ name: 'harbour', count: 1 }]);
    // The tag manager still sees every tag with its full count.
    expect(shown.libraryTags).toEqual(all.tags);
    expect(all.tags).toEqual([
      { name: 'harbour', count: 3 },
      { name: 'wire', count: 1 },
    ]);
    expect(shown.totalBytes).toBe(all.totalBytes);
    const tagged = await lib.list({ tags: ['harbour'], hideVersions: true });
    expect(tagged.total).toBe(1);
    expect(shown.languages.reduce((n, l) => n + l.count, 0)).toBe(3);
    await lib.close();
  });

  it('marks a main version, which the list then shows, and keeps it across a reopen', async () => {
    const { lib, dir, ids } = await library();
    expect((await lib.articleVersions({ id: ids['a-plus']! })).main).toBe(ids.a);
    await lib.setMainVersion({ id: ids['a-minus']! });
    const group = await lib.articleVersions({ id: ids.a! });
    expect(group.main).toBe(ids['a-minus']);
    // Earliest imported first, itself included.
    expect(group.versions.map((m) => m.id)).toEqual([ids.a, ids['a-plus'], ids['a-minus']]);
    expect(await idsOf(lib, true)).toEqual([ids['a-minus']!, ids.b!, ids.c!].sort());
    await lib.close();
    const stored: unknown = JSON.parse(readFileSync(join(dir, MAIN_VERSIONS_FILE), 'utf8'));
    expect(stored).toEqual({ format: 1, ids: [ids['a-minus']] });
    const again = await openFake(dir);
    await again.listVersions();
    expect((await again.articleVersions({ id: ids.a! })).main).toBe(ids['a-minus']);
    expect(await idsOf(again, true)).toEqual([ids['a-minus']!, ids.b!, ids.c!].sort());
    // Marking another member moves the mark: one main per story.
    await again.setMainVersion({ id: ids['a-plus']! });
    expect(await idsOf(again, true)).toEqual([ids['a-plus']!, ids.b!, ids.c!].sort());
    await again.close();
    expect(JSON.parse(readFileSync(join(dir, MAIN_VERSIONS_FILE), 'utf8'))).toEqual({
      format: 1,
      ids: [ids['a-plus']],
    });
  });

  it('falls back to the earliest version when the main one is trashed or the file is damaged', async () => {
    const { lib, dir, ids } = await library();
    await lib.setMainVersion({ id: ids['a-plus']! });
    await lib.trash([ids['a-plus']!]);
    expect(await idsOf(lib, true)).toEqual([ids.a!, ids.b!, ids.c!].sort());
    await lib.restore([ids['a-plus']!]);
    expect(await idsOf(lib, true)).toEqual([ids['a-plus']!, ids.b!, ids.c!].sort());
    await lib.close();
    writeFileSync(join(dir, MAIN_VERSIONS_FILE), '{"format":1,"ids":["not an id"]}');
    const again = await openFake(dir);
    await again.listVersions();
    expect((await again.articleVersions({ id: ids['a-plus']! })).main).toBe(ids.a);
    await again.close();
  });

  it('refuses a main version for an article without versions, and in a read-only library', async () => {
    const { lib, dir, ids } = await library();
    await expect(lib.setMainVersion({ id: ids.c! })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    expect(await lib.articleVersions({ id: ids.c! })).toEqual({ main: null, versions: [] });
    await expect(lib.setMainVersion({ id: 'ffffffffffffffff' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await lib.close();
    const readOnly = await openFake(dir, { readOnly: true });
    await expect(readOnly.setMainVersion({ id: ids.a! })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await readOnly.close();
  });

  it('compares two versions sentence by sentence: an added and a removed sentence', async () => {
    const { lib, ids, removedSentence, added } = await library();
    const plus = await lib.compareVersions({ id: ids.a!, other: ids['a-plus']! });
    expect(plus.coarse).toBe(false);
    expect(plus.added).toBe(1);
    expect(plus.removed).toBe(0);
    expect(plus.segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual([
      added,
    ]);
    // Read in order, the same and removed runs are the open article's body, unchanged.
    const body = (await lib.get(ids.a!)).body;
    const minus = await lib.compareVersions({ id: ids.a!, other: ids['a-minus']! });
    expect(minus.removed).toBe(1);
    expect(minus.added).toBe(0);
    expect(minus.segments.find((s) => s.kind === 'removed')!.text.trim()).toBe(removedSentence);
    const base = minus.segments.filter((s) => s.kind !== 'added').map((s) => s.text);
    expect(base.join('').replace(/\s+/g, ' ').trim()).toBe(body.replace(/\s+/g, ' ').trim());
    await expect(
      lib.compareVersions({ id: ids.a!, other: 'ffffffffffffffff' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await lib.close();
  });
});
