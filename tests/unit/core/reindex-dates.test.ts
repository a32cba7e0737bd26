// A reindex finds article dates again, so libraries imported with an older date finder get
// the dates the current one reads (and lose ones it no longer believes), sorted and kept.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { articleJson, setArticleText } from './store/article-on-disk';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';
import {
  DATE_FINDER_MARK_FILE,
  datesAreCurrent,
} from '../../../main/core/library/date-finder-mark';
import { DATE_FINDER_VERSION } from '../../../main/core/text/article-date';
import { CLEANER_VERSION } from '../../../main/core/text/parse-article';

/** A library at a temp folder's lib/ holding one article of `text`; the folder and its id. */
async function libraryOfOne(text: string): Promise<{ dir: string; id: string }> {
  const base = tempDir();
  const paths = writeArticles(join(base, 'src'), { 'a.txt': text });
  const dir = join(base, 'lib');
  const lib = await openLibrary(dir);
  const imported = await lib
    .importSources(paths.map((path) => ({ path })))
    .finally(() => lib.close());
  return { dir, id: imported.imported[0]!.id };
}

/** Sets an article's recorded language in its file, as an older detector would have left it. */
async function setRecordedLanguage(dir: string, id: string, language: string): Promise<void> {
  const file = await articleJson(dir, id);
  file.record.language = language;
  await setArticleText(dir, id, JSON.stringify(file));
}

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
    // As an older finder left them: the Persian date missed, a wrong date on the undated one;
    // and the library not marked as dated by this finder.
    await setRecordedDate(dir, ids.get('a.txt')!, null);
    await setRecordedDate(dir, ids.get('c.txt')!, '1990-01-01');
    rmSync(join(dir, DATE_FINDER_MARK_FILE));
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
      expect(await datesAreCurrent(dir)).toBe(false);
      await lib.reindex();
      expect(await datesAreCurrent(dir)).toBe(true);
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

  it('finds no date again where the library is marked as dated by this finder', async () => {
    const { dir, id } = await libraryOfOne(
      'Budget\n\nPublished: 3 March 1999\n\nThe budget passed.',
    );
    // A new library is marked at creation, and its imports keep it so.
    expect(await datesAreCurrent(dir)).toBe(true);
    await setRecordedDate(dir, id, '1990-01-01');
    rmSync(join(dir, 'catalog.json'));
    rmSync(join(dir, 'catalog.journal'), { force: true });
    const lib = await openLibrary(dir);
    try {
      await lib.reindex();
      // Not found again: the recorded date stands (a mark from another finder would not do).
      expect((await lib.get(id)).articleDate).toBe('1990-01-01');
      writeFileSync(
        join(dir, DATE_FINDER_MARK_FILE),
        JSON.stringify({ format: 1, finder: 0, cleaner: 0 }),
      );
      expect(await datesAreCurrent(dir)).toBe(false);
      await lib.reindex();
      expect((await lib.get(id)).articleDate).toBe('1999-03-03');
      expect(await datesAreCurrent(dir)).toBe(true);
    } finally {
      await lib.close();
    }
  });

  it('detects languages again, where the library is not marked by this detector', async () => {
    const { dir, id } = await libraryOfOne(
      'Regeringen fremlægger ny finanslov\n\nKøbenhavn, 28. august 2023\n\nRegeringen har i dag ' +
        'fremlagt sit forslag til finanslov for det kommende år. Finansministeren sagde, at loven ' +
        'skal sikre lavere inflation og flere arbejdspladser i hele landet.',
    );
    // As the detector before Danish left it (franc-min called Danish Swedish), and a mark
    // written before languages were detected again.
    await setRecordedLanguage(dir, id, 'sv');
    writeFileSync(
      join(dir, DATE_FINDER_MARK_FILE),
      JSON.stringify({ format: 1, finder: DATE_FINDER_VERSION, cleaner: CLEANER_VERSION }),
    );
    rmSync(join(dir, 'catalog.json'));
    rmSync(join(dir, 'catalog.journal'), { force: true });
    const lib = await openLibrary(dir);
    try {
      expect((await lib.get(id)).language).toBe('sv');
      expect(await datesAreCurrent(dir)).toBe(false);
      await lib.reindex();
      expect((await lib.get(id)).language).toBe('da');
      expect((await lib.list({ language: 'da' })).items.map((m) => m.id)).toEqual([id]);
      expect(await datesAreCurrent(dir)).toBe(true);
      // And still found by its words.
      expect((await lib.search({ query: 'arbejdsplads' })).hits.map((h) => h.id)).toEqual([id]);
    } finally {
      await lib.close();
    }
  });
});
