// Collections, saved searches and tagging rules over a real library (real index): import,
// filters, rename and merge with undo, the upgrade of libraries from before collections,
// the saved searches' file, and rules that never take away a tag a person added.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../main/core/library';
import type { LibraryEngine } from '../../../../main/core/engine';
import { isArchiveError } from '../../../../main/core/errors';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { writeArticles } from '../library-helpers';
import { articleJson, setArticleText } from '../store/article-on-disk';
import { tempDir } from '../tmp-dir';

const text = (title: string, body: string) => `${title}\n\n${body}\n`;

/** A folder tree: two collections, a file at the top. */
function tree(dir: string): void {
  writeArticles(dir, {
    'rivers/nile.txt': text('The Nile floods', 'Farmers along the river wait for the flood.'),
    'rivers/deep/danube.txt': text('Danube barges', 'Barges carry grain along the river.'),
    'Mountains/alps.txt': text('Alpine passes', 'Snow closes the passes above the valley.'),
    'top.txt': text('Notes at the top', 'A river of notes at the top of the folder.'),
  });
}

async function withLibrary<T>(dir: string, run: (lib: LibraryEngine) => Promise<T>): Promise<T> {
  const lib = await openLibrary(dir);
  try {
    return await run(lib);
  } finally {
    await lib.close();
  }
}

const idsOf = (page: { items: { id: string }[] }) => page.items.map((a) => a.id).sort();

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isArchiveError(e) ? e.code : e).toBe(code);
}

describe('collections', () => {
  it('come from the import, filter list and search, and rename, merge and undo', async () => {
    const base = tempDir('ar-organise-');
    tree(join(base, 'src'));
    await withLibrary(join(base, 'lib'), async (lib) => {
      const summary = await lib.importSources([{ path: join(base, 'src') }]);
      expect(summary.imported).toHaveLength(4);
      expect(await lib.listCollections()).toEqual([
        { name: 'Mountains', count: 1 },
        { name: 'rivers', count: 2 },
      ]);
      const rivers = await lib.list({ collection: 'RIVERS' });
      expect(rivers.total).toBe(2);
      const nile = rivers.items.find((a) => a.title === 'The Nile floods')!;
      expect(nile.sourceFolder).toBe('rivers');
      const danube = rivers.items.find((a) => a.title === 'Danube barges')!;
      expect(danube.sourceFolder).toBe('rivers/deep');
      const found = await lib.search({ query: 'collection:rivers' });
      expect(found.hits.map((h) => h.id).sort()).toEqual(idsOf(rivers));
      const quoted = await lib.search({ query: 'river -collection:"rivers"' });
      expect(quoted.hits.map((h) => h.title)).toEqual(['Notes at the top']);
      const alternatives = await lib.search({ query: 'collection:mountains OR collection:rivers' });
      expect(alternatives.total).toBe(3);
      expect((await lib.search({ query: 'river', collection: 'rivers' })).total).toBe(2);

      // A merge takes the spelling of the collection merged into; undo puts each back.
      const snapshot = await lib.renameCollection({ from: 'rivers', to: 'MOUNTAINS' });
      expect(await lib.listCollections()).toEqual([{ name: 'Mountains', count: 3 }]);
      expect((await lib.search({ query: 'collection:mountains' })).total).toBe(3);
      await lib.restoreCollections(snapshot);
      expect(await lib.listCollections()).toEqual([
        { name: 'Mountains', count: 1 },
        { name: 'rivers', count: 2 },
      ]);
      await lib.renameCollection({ from: 'rivers', to: 'Waters' });
      await expectCode(lib.renameCollection({ from: 'rivers', to: 'x' }), 'NOT_FOUND');
    });
    // The rename is in the files and the snapshot: it survives a reopen and a lost catalogue.
    await withLibrary(join(base, 'lib'), async (lib) => {
      expect((await lib.list({ collection: 'waters' })).total).toBe(2);
    });
    rmSync(join(base, 'lib', 'catalog.json'));
    await withLibrary(join(base, 'lib'), async (lib) => {
      expect((await lib.list({ collection: 'waters' })).total).toBe(2);
      expect((await lib.check()).problems).toEqual([]);
    });
  });

  it('are derived for a library from before collections, without re-import', async () => {
    const base = tempDir('ar-organise-legacy-');
    tree(join(base, 'src'));
    const lib = join(base, 'lib');
    await withLibrary(lib, (l) => l.importSources([{ path: join(base, 'src') }]));
    // What the code before collections wrote: records without sourceFolder and collection,
    // and no catalogue that knows them (it is rebuilt from the files).
    for (const id of await new ArticleStore(lib).listIds()) {
      const json = await articleJson(lib, id);
      delete json.record.sourceFolder;
      delete json.record.collection;
      await setArticleText(lib, id, JSON.stringify(json));
    }
    rmSync(join(lib, 'catalog.json'));
    rmSync(join(lib, 'catalog.journal'), { force: true });
    await withLibrary(lib, async (l) => {
      expect(await l.listCollections()).toEqual([
        { name: 'Mountains', count: 1 },
        { name: 'rivers', count: 2 },
      ]);
      const top = (await l.list({})).items.find((a) => a.title === 'Notes at the top')!;
      expect(top.collection).toBeNull();
      expect((await l.check()).problems).toEqual([]);
      // A tag change writes the derived collection into the file with it.
      const nile = (await l.list({ collection: 'rivers' })).items[0]!;
      await l.addTags([nile.id], ['kept']);
      expect((await l.get(nile.id)).collection).toBe('rivers');
    });
  });
});

describe('saved searches', () => {
  it('are stored in the library, unique in any case, counted, reordered and put back', async () => {
    const base = tempDir('ar-organise-saved-');
    tree(join(base, 'src'));
    await withLibrary(join(base, 'lib'), async (lib) => {
      await lib.importSources([{ path: join(base, 'src') }]);
      await lib.putSavedSearch({ name: 'River', query: 'river', filters: {} });
      await lib.putSavedSearch({
        name: 'Rivers folder',
        query: '',
        filters: { collection: 'rivers', sort: 'title', order: 'asc' },
      });
      await expectCode(
        lib.putSavedSearch({ name: 'rIVER', query: 'x', filters: {} }),
        'BAD_ARGUMENT',
      );
      await expectCode(
        lib.putSavedSearch({ name: 'Bad', query: '"open', filters: {} }),
        'BAD_QUERY',
      );
      expect((await lib.listSavedSearches()).saved.map((s) => [s.name, s.count])).toEqual([
        ['River', 3],
        ['Rivers folder', 2],
      ]);
      const run = await lib.runSavedSearch({ name: 'rivers FOLDER' });
      expect(run.hits.map((h) => h.title)).toEqual(['Danube barges', 'The Nile floods']);

      await lib.reorderSavedSearches({ names: ['Rivers folder'] });
      const removed = await lib.removeSavedSearch({ name: 'river' });
      expect(removed.position).toBe(1);
      await lib.putSavedSearch({ ...removed.removed, position: removed.position });
      // A rename keeps its place; the new name may differ only in case.
      await lib.putSavedSearch({ name: 'RIVER', query: 'river', filters: {}, previous: 'River' });
      expect((await lib.listSavedSearches()).saved.map((s) => s.name)).toEqual([
        'Rivers folder',
        'RIVER',
      ]);

      // Counts follow the library as articles arrive.
      writeArticles(join(base, 'more'), { 'a.txt': text('River again', 'The river rose.') });
      await lib.importSources([{ path: join(base, 'more') }]);
      expect((await lib.listSavedSearches()).saved.map((s) => s.count)).toEqual([2, 4]);

      // Date range: only articles dated inside it (none of these has a date).
      await lib.putSavedSearch({ name: 'Dated', query: 'river', filters: { from: '2000-01-01' } });
      expect((await lib.runSavedSearch({ name: 'Dated' })).total).toBe(0);
    });
  });

  it('refuse a damaged file instead of overwriting it', async () => {
    const base = tempDir('ar-organise-damaged-');
    const dir = join(base, 'lib');
    await withLibrary(dir, async (lib) => {
      writeFileSync(join(dir, 'saved-searches.json'), '{"format":1,"saved":[{"name":""}]}');
      await expectCode(lib.listSavedSearches(), 'LIBRARY_CORRUPT');
      await expectCode(
        lib.putSavedSearch({ name: 'x', query: 'y', filters: {} }),
        'LIBRARY_CORRUPT',
      );
      expect(readFileSync(join(dir, 'saved-searches.json'), 'utf8')).toContain('"name":""');
    });
  });
});

describe('tagging rules', () => {
  it('tag now and at every import, and never take away a tag a person added', async () => {
    const base = tempDir('ar-organise-rules-');
    tree(join(base, 'src'));
    await withLibrary(join(base, 'lib'), async (lib) => {
      await lib.importSources([{ path: join(base, 'src') }]);
      const nile = (await lib.search({ query: 'nile' })).hits[0]!.id;
      await lib.addTags([nile], ['Water']);
      expect(await lib.previewTagRule({ tag: 'water', query: 'river' })).toEqual({
        matched: 3,
        wouldTag: 2,
      });
      const added = await lib.putTagRule({ tag: 'Water', query: 'river' });
      expect(added).toEqual({ tagged: 2, untagged: 0, matched: 3 });
      await expectCode(lib.putTagRule({ tag: 'WATER', query: 'snow' }), 'BAD_ARGUMENT');

      writeArticles(join(base, 'more'), {
        'a.txt': text('River again', 'The river rose.'),
        'b.txt': text('Snow again', 'Snow fell.'),
      });
      const more = await lib.importSources([{ path: join(base, 'more') }]);
      const river = more.imported.find((a) => a.title === 'River again')!.id;
      const snow = more.imported.find((a) => a.title === 'Snow again')!.id;
      expect((await lib.get(river)).tags).toEqual(['Water']);
      expect((await lib.get(snow)).tags).toEqual([]);
      expect((await lib.listTagRules()).rules).toEqual([
        { tag: 'Water', query: 'river', matched: 4 },
      ]);

      // An edit takes the tag off only what the rule tagged and the new query misses.
      const edited = await lib.putTagRule({
        tag: 'Water',
        query: 'nile OR snow',
        previous: 'water',
      });
      // "snow" also finds the Alpine passes: two new articles get the tag.
      expect(edited).toEqual({ tagged: 2, untagged: 3, matched: 3 });
      expect((await lib.get(nile)).tags).toEqual(['Water']);
      const removed = await lib.removeTagRule({ tag: 'water' });
      expect(removed.untagged).toBe(2);
      expect((await lib.get(nile)).tags).toEqual(['Water']);
      expect((await lib.get(snow)).tags).toEqual([]);
      expect((await lib.list({ tags: ['water'] })).total).toBe(1);
      expect((await lib.listTagRules()).rules).toEqual([]);
    });
  });
});
