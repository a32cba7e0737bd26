// A reindex finds article dates again, so libraries imported with an older date finder get
// the dates the current one reads (and lose ones it no longer believes), sorted and kept.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { articleJson, setArticleText } from './store/article-on-disk';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

/** Sets an article's recorded date in its file, as an older date finder would have left it. */
async function setRecordedDate(dir: string, id: string, date: string | null): Promise<void> {
  const file = await articleJson(dir, id);
  file.record.articleDate = date;
  await setArticleText(dir, id, JSON.stringify(file));
}

describe('reindex and article dates', () => {
  it('derives every article date again and re-sorts by date', async () => {
    const base = tempDir();
    const paths = writeArticles(join(base, 'src'), {
      'a.txt': 'Tehran port\n\nتهران - ۱۵ دی‌ماه ۱۴۰۲ - کار در بندر از سر گرفته شد.',
      'b.txt': 'Budget\n\nPublished: 3 March 1999\n\nThe budget passed.',
      'c.txt': 'Undated\n\nNo date in this story at all.',
    });
    const dir = join(base, 'lib');
    let lib = await openLibrary(dir);
    const ids = new Map<string, string>();
    try {
      const summary = await lib.importSources(paths.map((path) => ({ path })));
      for (const a of summary.imported) ids.set(a.path!.split(/[\\/]/).at(-1)!, a.id);
    } finally {
      await lib.close();
    }
    // As an older finder left them: the Persian date missed, a wrong date on the undated one.
    await setRecordedDate(dir, ids.get('a.txt')!, null);
    await setRecordedDate(dir, ids.get('c.txt')!, '1990-01-01');
    rmSync(join(dir, 'catalog.json'));
    rmSync(join(dir, 'catalog.journal'), { force: true });
    lib = await openLibrary(dir);
    try {
      const dates = async () =>
        Object.fromEntries(
          (await lib.list({ sort: 'date', order: 'asc' })).items.map((m) => [
            m.title,
            m.articleDate,
          ]),
        );
      expect(await dates()).toEqual({
        Undated: '1990-01-01',
        Budget: '1999-03-03',
        'Tehran port': null,
      });
      await lib.reindex();
      const after = await dates();
      expect(after).toEqual({ Budget: '1999-03-03', 'Tehran port': '2024-01-05', Undated: null });
      expect(Object.keys(after)).toEqual(['Budget', 'Tehran port', 'Undated']);
      expect((await lib.list({ from: '2024-01-01' })).items.map((m) => m.title)).toEqual([
        'Tehran port',
      ]);
      await lib.close();
      lib = await openLibrary(dir);
      expect(Object.keys(await dates())).toEqual(['Budget', 'Tehran port', 'Undated']);
      expect((await lib.get(ids.get('a.txt')!)).articleDate).toBe('2024-01-05');
    } finally {
      await lib.close();
    }
  });
});
