// A small library for export tests: two articles with the same title, a Windows device name
// as a title, Arabic, a Windows-1252 file, a collection, tags, a highlight with a note, read,
// favourite and trashed articles.
import { join } from 'node:path';
import type { LibraryEngine } from '../../../main/core/engine';
import { openLibrary } from '../../../main/core/library';
import { writeArticles } from '../core/library-helpers';

export const TEXTS = {
  'desk/budget.txt':
    'Budget vote delayed\n\nLONDON, March 4, 2014 - The finance minister presented the budget.\n\n' +
    'Critics said the budget cut spending on schools and hospitals.',
  'desk/budget-again.txt':
    'Budget vote delayed\n\nPARIS - A second story with the same headline and other words entirely.',
  'con.txt': 'CON\n\nA story whose title is a device name on Windows, with a few more words.',
  'arabic.txt':
    'الميزانية الجديدة\n\nقدم وزير المالية الميزانية يوم الثلاثاء وخفضت الإنفاق على المدارس.',
  // "Café crème" and more, in Windows-1252: the plain-text export must keep these bytes.
  'latin1.txt': Buffer.from(
    'Caf\xe9 cr\xe8me prices\n\nThe price of a caf\xe9 cr\xe8me rose again in the capital this week.',
    'latin1',
  ),
};

export interface ExportFixture {
  lib: LibraryEngine;
  base: string;
  /** Ids by file name (as in TEXTS). */
  ids: Record<string, string>;
}

/** Opens a new library in `base`/lib and fills it. */
export async function exportFixture(base: string): Promise<ExportFixture> {
  const src = join(base, 'src');
  writeArticles(src, TEXTS);
  const lib = await openLibrary(join(base, 'lib'));
  const summary = await lib.importSources([{ path: src }]);
  const ids: Record<string, string> = {};
  for (const a of summary.imported) ids[a.path.slice(src.length + 1)] = a.id;
  await lib.addTags([ids['desk/budget.txt']!, ids['arabic.txt']!], ['economy']);
  await lib.addHighlight({
    id: ids['desk/budget.txt']!,
    text: 'cut spending on schools',
    note: 'Check the schools figure',
    color: 'green',
  });
  await lib.setRead([ids['arabic.txt']!], true);
  await lib.setFavourite([ids['latin1.txt']!], true);
  await lib.setPosition(ids['arabic.txt']!, 0.5);
  await lib.trash([ids['con.txt']!]);
  return { lib, base, ids };
}
