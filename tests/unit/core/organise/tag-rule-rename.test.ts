// A tagging rule follows its tag when the tag is renamed or merged in the tag manager, and
// undo puts the rules back as they were.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../main/core/library';
import type { LibraryEngine } from '../../../../main/core/engine';
import { writeArticles } from '../library-helpers';
import { tempDir } from '../tmp-dir';

const text = (title: string, body: string) => `${title}\n\n${body}\n`;

async function withLibrary<T>(dir: string, run: (lib: LibraryEngine) => Promise<T>): Promise<T> {
  const lib = await openLibrary(dir);
  try {
    return await run(lib);
  } finally {
    await lib.close();
  }
}

/** Imports a few articles about rivers and mountains; returns the library's ids by title. */
async function seed(lib: LibraryEngine, dir: string): Promise<Map<string, string>> {
  writeArticles(dir, {
    'nile.txt': text('The Nile floods', 'Farmers along the river wait for the flood.'),
    'danube.txt': text('Danube barges', 'Barges carry grain along the river.'),
    'alps.txt': text('Alpine passes', 'Snow closes the passes above the valley.'),
  });
  const summary = await lib.importSources([{ path: dir }]);
  return new Map(summary.imported.map((a) => [a.title, a.id]));
}

const rulesOf = async (lib: LibraryEngine) =>
  (await lib.listTagRules()).rules.map((r) => `${r.tag}: ${r.query}`);

describe('tagging rules and tag renames', () => {
  it('a rule takes its tag’s new name and keeps working at import', async () => {
    const base = tempDir('ar-rule-rename-');
    await withLibrary(join(base, 'lib'), async (lib) => {
      const ids = await seed(lib, join(base, 'src'));
      await lib.putTagRule({ tag: 'Water', query: 'river' });
      const snapshot = await lib.renameTag('water', 'Rivers');
      expect(await rulesOf(lib)).toEqual(['Rivers: river']);

      writeArticles(join(base, 'more'), { 'rhine.txt': text('Rhine', 'The river rose.') });
      const more = await lib.importSources([{ path: join(base, 'more') }]);
      expect((await lib.get(more.imported[0]!.id)).tags).toEqual(['Rivers']);
      // Removing the renamed rule takes the tag off what it tagged, under its new name.
      const removed = await lib.removeTagRule({ tag: 'rivers' });
      expect(removed.untagged).toBe(3);
      expect((await lib.get(ids.get('The Nile floods')!)).tags).toEqual([]);
      // A rule made since for the old name is not overwritten by an undo.
      await lib.putTagRule({ tag: 'Water', query: 'flood' });
      await lib.restoreTags(snapshot);
      expect(await rulesOf(lib)).toEqual(['Water: flood']);
    });
  });

  it('undo of a rename puts the rule back under its old name', async () => {
    const base = tempDir('ar-rule-rename-undo-');
    await withLibrary(join(base, 'lib'), async (lib) => {
      const ids = await seed(lib, join(base, 'src'));
      await lib.putTagRule({ tag: 'Water', query: 'river' });
      const snapshot = await lib.renameTag('Water', 'water flows');
      expect(await rulesOf(lib)).toEqual(['water flows: river']);
      await lib.restoreTags(snapshot);
      expect(await rulesOf(lib)).toEqual(['Water: river']);
      expect((await lib.get(ids.get('Danube barges')!)).tags).toEqual(['Water']);
      // A case-only rename respells the rule.
      await lib.renameTag('water', 'WATER');
      expect(await rulesOf(lib)).toEqual(['WATER: river']);
    });
  });

  it('a merge into a tag with its own rule keeps that rule; tags stay; undo restores both', async () => {
    const base = tempDir('ar-rule-merge-');
    await withLibrary(join(base, 'lib'), async (lib) => {
      const ids = await seed(lib, join(base, 'src'));
      const nile = ids.get('The Nile floods')!;
      const alps = ids.get('Alpine passes')!;
      await lib.addTags([nile], ['Nature']); // a person's tag
      await lib.putTagRule({ tag: 'Water', query: 'river' });
      await lib.putTagRule({ tag: 'Nature', query: 'snow' });
      await lib.renameTag('Water', 'nature');
      expect(await rulesOf(lib)).toEqual(['Nature: snow']);
      expect((await lib.get(nile)).tags).toEqual(['Nature']);
      expect((await lib.list({ tags: ['Nature'] })).total).toBe(3);
      // What the dropped rule tagged keeps the tag when the kept rule is edited or removed,
      // and so does the tag the person added.
      await lib.putTagRule({ tag: 'Nature', query: 'valley', previous: 'Nature' });
      expect((await lib.list({ tags: ['Nature'] })).total).toBe(3);
      await lib.removeTagRule({ tag: 'Nature' });
      expect((await lib.get(nile)).tags).toEqual(['Nature']);
      expect((await lib.get(alps)).tags).toEqual([]);
      expect((await lib.list({ tags: ['Nature'] })).total).toBe(2);
    });
  });

  it('undo of a merge restores both rules', async () => {
    const base = tempDir('ar-rule-merge-undo-');
    await withLibrary(join(base, 'lib'), async (lib) => {
      const ids = await seed(lib, join(base, 'src'));
      await lib.putTagRule({ tag: 'Nature', query: 'snow' });
      await lib.putTagRule({ tag: 'Water', query: 'river' });
      const snapshot = await lib.renameTag('water', 'Nature');
      await lib.restoreTags(snapshot);
      expect(await rulesOf(lib)).toEqual(['Nature: snow', 'Water: river']);
      expect((await lib.get(ids.get('Danube barges')!)).tags).toEqual(['Water']);
      // The restored rule still owns what it tagged: removing it takes the tag off again.
      expect((await lib.removeTagRule({ tag: 'Water' })).untagged).toBe(2);
    });
  });

  it('a rename writes no rules file where there are no rules, and survives a damaged one', async () => {
    const base = tempDir('ar-rule-rename-none-');
    const dir = join(base, 'lib');
    await withLibrary(dir, async (lib) => {
      const ids = await seed(lib, join(base, 'src'));
      await lib.addTags([ids.get('Danube barges')!], ['Water']);
      const snapshot = await lib.renameTag('Water', 'Rivers');
      expect(snapshot.rules).toBeUndefined();
      expect(existsSync(join(dir, 'tag-rules.json'))).toBe(false);
      writeFileSync(join(dir, 'tag-rules.json'), '{ not json');
      await lib.renameTag('Rivers', 'Streams');
      expect((await lib.get(ids.get('Danube barges')!)).tags).toEqual(['Streams']);
    });
  });
});
