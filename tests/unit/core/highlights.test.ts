// Highlights and notes through the engine: stored in the article file, placed in the clean
// body, listed, searched (note:, highlight:, has:), kept through trash, reopen and reindex.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import type { LibraryEngine } from '../../../main/core/engine';
import { ArchiveError } from '../../../main/core/errors';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const BUDGET =
  'Budget vote delayed\n\nLONDON - The finance minister presented the budget on Tuesday.\n\n' +
  'Critics said the budget cut spending on schools and hospitals. The budget passed late.';
const HARBOUR =
  'Harbour lanterns\n\nThe harbour lanterns were lit at dusk, and the budget was spent.';
const ARABIC =
  'الميزانية الجديدة\n\nقدم وزير المالية الميزانية يوم الثلاثاء وخفضت الإنفاق على المدارس.';

const failure = async (p: Promise<unknown>): Promise<ArchiveError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ArchiveError);
  return e as ArchiveError;
};

describe('highlights', () => {
  const base = tempDir('ar-highlights-');
  const dir = join(base, 'lib');
  let lib: LibraryEngine;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const paths = writeArticles(join(base, 'src'), {
      'budget.txt': BUDGET,
      'harbour.txt': HARBOUR,
      'arabic.txt': ARABIC,
    });
    lib = await openLibrary(dir);
    const summary = await lib.importSources(paths.map((path) => ({ path })));
    for (const a of summary.imported) ids[a.path.replace(/^.*\//, '')] = a.id;
  }, 60_000);
  afterAll(async () => {
    await lib.close();
  });

  it('highlights a range or the n-th occurrence of a text, trimmed, in the clean body', async () => {
    const view = await lib.get(ids['budget.txt']!);
    const start = view.body.indexOf('cut spending');
    const h = await lib.addHighlight({
      id: ids['budget.txt']!,
      start: start - 1,
      end: start + 'cut spending on schools'.length + 1,
      note: 'Check the schools figure',
      color: 'green',
    });
    expect(h).toMatchObject({ exact: 'cut spending on schools', color: 'green', orphaned: false });
    expect(view.body.slice(h.start!, h.end!)).toBe('cut spending on schools');
    const second = await lib.addHighlight({
      id: ids['budget.txt']!,
      text: 'budget',
      occurrence: 2,
    });
    expect(second.start).toBe(view.body.indexOf('budget', view.body.indexOf('budget') + 1));
    expect(second).toMatchObject({ note: '', color: 'yellow' });
    const again = await lib.get(ids['budget.txt']!);
    expect(again.highlights.map((x) => x.exact)).toEqual(['budget', 'cut spending on schools']);
    expect(again).toMatchObject({ highlightCount: 2, noteCount: 1 });
  });

  it('refuses empty selections, texts not found, long notes and unknown ids', async () => {
    const id = ids['harbour.txt']!;
    expect((await failure(lib.addHighlight({ id, text: '   ' }))).code).toBe('BAD_ARGUMENT');
    const body = (await lib.get(id)).body;
    const spaces = body.indexOf(' ');
    expect(
      (await failure(lib.addHighlight({ id, start: spaces, end: spaces + 1 }))).message,
    ).toMatch(/empty or only spaces/);
    const missing = await failure(lib.addHighlight({ id, text: 'submarine' }));
    expect(missing.message).toBe('the text was not found in this article');
    expect((await failure(lib.addHighlight({ id, text: 'harbour', occurrence: 9 }))).code).toBe(
      'BAD_ARGUMENT',
    );
    const long = await failure(lib.addHighlight({ id, text: 'harbour', note: 'x'.repeat(10_001) }));
    expect(long.message).toMatch(/note must be at most 10,000 characters/);
    expect((await failure(lib.updateHighlight({ id: `${id}-00000000`, note: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await lib.get(id)).highlights).toEqual([]);
  });

  it('edits, removes and puts back a highlight (undo)', async () => {
    const id = ids['harbour.txt']!;
    const h = await lib.addHighlight({ id, text: 'lanterns were lit' });
    expect((await lib.listHighlights({ articleId: id }))[0]!.note).toBe('');
    const edited = await lib.updateHighlight({ id: h.id, note: 'ملاحظة بالعربية', color: 'pink' });
    // Listed again after the edit: not the answer remembered from before it.
    expect((await lib.listHighlights({ articleId: id }))[0]!.note).toBe('ملاحظة بالعربية');
    expect(edited).toMatchObject({ note: 'ملاحظة بالعربية', color: 'pink', start: h.start });
    const removed = await lib.removeHighlight({ id: h.id });
    expect((await lib.get(id)).highlights).toEqual([]);
    expect(await lib.listHighlights({ articleId: id })).toEqual([]);
    const back = await lib.restoreHighlight(removed);
    expect(back).toMatchObject({ id: h.id, note: 'ملاحظة بالعربية', color: 'pink' });
    expect((await lib.get(id)).highlights.map((x) => x.id)).toEqual([h.id]);
  });

  it('anchors an Arabic passage and lists highlights newest first, filtered', async () => {
    const h = await lib.addHighlight({
      id: ids['arabic.txt']!,
      text: 'خفضت الإنفاق',
      color: 'green',
    });
    expect(h.orphaned).toBe(false);
    const all = await lib.listHighlights();
    expect(all[0]!.id).toBe(h.id);
    expect(all[0]!.title).toBe('الميزانية الجديدة');
    expect(all.length).toBe(4);
    const green = await lib.listHighlights({ color: 'green' });
    expect(green.map((x) => x.exact).sort()).toEqual(
      ['cut spending on schools', 'خفضت الإنفاق'].sort(),
    );
    await lib.addTags([ids['harbour.txt']!], ['Ports']);
    expect((await lib.listHighlights({ tag: 'ports' })).map((x) => x.exact)).toEqual([
      'lanterns were lit',
    ]);
  });

  it('finds articles by their notes and highlights, a note weighing more than the body', async () => {
    const titles = async (query: string) =>
      (await lib.search({ query })).hits.map((x) => x.title).sort();
    expect(await titles('note:schools')).toEqual(['Budget vote delayed']);
    expect(await titles('note:ملاحظة')).toEqual(['Harbour lanterns']);
    expect(await titles('highlight:lanterns')).toEqual(['Harbour lanterns']);
    expect(await titles('has:notes')).toEqual(['Budget vote delayed', 'Harbour lanterns']);
    expect((await titles('has:highlights')).length).toBe(3);
    // "dusk" is in the harbour article's body, and in a note on the budget article only.
    await lib.updateHighlight({
      id: (await lib.listHighlights({ articleId: ids['budget.txt']! })).find((x) => x.note)!.id,
      note: 'Check the schools figure at dusk',
    });
    const ranked = await lib.search({ query: 'dusk' });
    expect(ranked.hits.map((x) => x.title)).toEqual(['Budget vote delayed', 'Harbour lanterns']);
    await lib.updateHighlight({
      id: (await lib.listHighlights({ articleId: ids['harbour.txt']! }))[0]!.id,
      note: 'the budget again',
    });
  });

  it('keeps highlights through the trash, a reopen and a reindex; deleting for good deletes them', async () => {
    const id = ids['harbour.txt']!;
    await lib.trash([id]);
    expect((await lib.listHighlights()).some((x) => x.articleId === id)).toBe(false);
    expect((await lib.listHighlights({ trashed: true })).some((x) => x.articleId === id)).toBe(
      true,
    );
    await lib.restore([id]);
    await lib.close();
    lib = await openLibrary(dir);
    expect((await lib.get(id)).highlights).toHaveLength(1);
    expect((await lib.list({ limit: 10 })).items.find((a) => a.id === id)).toMatchObject({
      highlightCount: 1,
      noteCount: 1,
    });
    await lib.reindex();
    expect((await lib.search({ query: 'note:again' })).hits.map((x) => x.id)).toEqual([id]);
    await lib.trash([id]);
    await lib.purge([id]);
    expect((await lib.listHighlights({ trashed: true })).some((x) => x.articleId === id)).toBe(
      false,
    );
  });

  it('keeps a highlight it cannot place, as orphaned', async () => {
    const id = ids['budget.txt']!;
    const gone = `${id}-0badcafe`;
    await lib.restoreHighlight({
      articleId: id,
      highlight: {
        id: gone,
        color: 'blue',
        note: 'from an older cleaning',
        createdAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-01T00:00:00.000Z',
        cleanerVersion: 1,
        selector: [
          { type: 'TextQuoteSelector', exact: 'a passage since removed', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 3, end: 26 },
        ],
      },
    });
    const placed = (await lib.get(id)).highlights.find((x) => x.id === gone)!;
    expect(placed).toMatchObject({ orphaned: true, start: null, end: null });
    const listed = (await lib.listHighlights({ articleId: id })).find((x) => x.id === gone)!;
    expect(listed.orphaned).toBe(true);
  });

  it('exports highlights and articles as Markdown, quotes with their notes', async () => {
    const { markdown, count } = await lib.exportHighlights({ articleId: ids['budget.txt']! });
    expect(count).toBe(3);
    expect(markdown).toContain('## Budget vote delayed');
    expect(markdown).toContain('> cut spending on schools\n\nCheck the schools figure');
    const article = await lib.exportMarkdown({ ids: [ids['budget.txt']!] });
    expect(article.markdown.startsWith('# Budget vote delayed\n')).toBe(true);
    expect(article.markdown).toContain('## Highlights');
    expect(article.markdown).toContain('orphaned');
  });

  it('passes a library check: the catalogue keeps counts, the files the highlights', async () => {
    const report = await lib.check();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
