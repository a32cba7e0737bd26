// Deleting a tag removes its tagging rule (or the next import would bring the tag back), and
// undo of the delete restores the tag and its rule together.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../main/core/library';
import { writeArticles } from '../library-helpers';
import { tempDir } from '../tmp-dir';

const text = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('deleting a tag that has a rule', () => {
  it('removes the rule with the tag, and undo restores both', async () => {
    const base = tempDir('ar-rule-delete-');
    const lib = await openLibrary(join(base, 'lib'));
    try {
      writeArticles(join(base, 'src'), {
        'nile.txt': text('The Nile floods', 'Farmers along the river wait for the flood.'),
        'alps.txt': text('Alpine passes', 'Snow closes the passes above the valley.'),
      });
      const { imported } = await lib.importSources([{ path: join(base, 'src') }]);
      const nile = imported.find((a) => a.title === 'The Nile floods')!.id;
      await lib.putTagRule({ tag: 'Water', query: 'river' });
      expect((await lib.get(nile)).tags).toEqual(['Water']);

      const snapshot = await lib.deleteTag('water');
      expect((await lib.listTagRules()).rules).toEqual([]);
      expect((await lib.get(nile)).tags).toEqual([]);
      // No rule brings the deleted tag back at the next import.
      writeArticles(join(base, 'more'), { 'rhine.txt': text('Rhine', 'The river rose.') });
      const more = await lib.importSources([{ path: join(base, 'more') }]);
      const rhine = more.imported[0]!.id;
      expect((await lib.get(rhine)).tags).toEqual([]);

      await lib.restoreTags(snapshot);
      expect((await lib.listTagRules()).rules.map((r) => `${r.tag}: ${r.query}`)).toEqual([
        'Water: river',
      ]);
      expect((await lib.get(nile)).tags).toEqual(['Water']);
      // The restored rule still knows what it tagged: removing it takes the tag off again.
      expect((await lib.removeTagRule({ tag: 'Water' })).untagged).toBe(1);
      expect((await lib.get(nile)).tags).toEqual([]);
    } finally {
      await lib.close();
    }
  });

  it('deletes a tag without a rule as before, writing no rules file', async () => {
    const base = tempDir('ar-rule-delete-none-');
    const lib = await openLibrary(join(base, 'lib'));
    try {
      writeArticles(join(base, 'src'), { 'a.txt': text('Harbour', 'Ships in the harbour.') });
      const { imported } = await lib.importSources([{ path: join(base, 'src') }]);
      await lib.addTags([imported[0]!.id], ['Ports']);
      const snapshot = await lib.deleteTag('Ports');
      expect(snapshot.rules).toBeUndefined();
      await lib.restoreTags(snapshot);
      expect((await lib.get(imported[0]!.id)).tags).toEqual(['Ports']);
      expect((await lib.listTagRules()).rules).toEqual([]);
    } finally {
      await lib.close();
    }
  });
});
