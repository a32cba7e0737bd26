// archive-reader list [--sort S] [--order O] [--tag T]... [--view V] [--limit N] [--from D] [--to D]
import type { ArticleMeta, ArticlePage } from '../../contract/types';
import type { CatalogList } from '../catalog-list';
import { outputWidth, print, printJson, type CommandContext } from '../context';
import { formatCount } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';

const DEFAULT_LIMIT = 50;

/** Lists articles from the catalogue as a table (or JSON). */
export async function listCommand(
  lib: Pick<CatalogList, 'list'>,
  ctx: CommandContext,
): Promise<number> {
  const sort = ctx.cli.sort ?? 'imported';
  const page = await lib.list({
    view: ctx.cli.view ?? 'all',
    sort,
    // Titles read A to Z; dates and imports newest first.
    order: ctx.cli.order ?? (sort === 'title' ? 'asc' : 'desc'),
    limit: ctx.cli.limit ?? DEFAULT_LIMIT,
    ...(ctx.cli.tags.length > 0 ? { tags: ctx.cli.tags } : {}),
    ...(ctx.cli.collection !== undefined ? { collection: ctx.cli.collection } : {}),
    ...(ctx.cli.from !== undefined ? { from: ctx.cli.from } : {}),
    ...(ctx.cli.to !== undefined ? { to: ctx.cli.to } : {}),
  });
  if (ctx.cli.json) printJson(ctx, { total: page.total, offset: page.offset, items: page.items });
  else print(ctx, describePage(page, outputWidth(ctx)));
  return EXIT.ok;
}

/** The date a row shows: the article's own date, else the import day, marked as such. */
export const displayDate = (a: ArticleMeta): string =>
  a.articleDate ?? `added ${a.importedAt.slice(0, 10)}`;

/** A table of id, date, place, title and tags, and a count line. */
export function describePage(page: ArticlePage, width: number): string {
  if (page.items.length === 0)
    return page.total === 0 ? 'No articles.' : 'No articles on this page.';
  const table = renderTable(
    [
      { header: 'ID' },
      { header: 'DATE' },
      { header: 'PLACE' },
      { header: 'TITLE', flexible: true },
      { header: 'TAGS' },
    ],
    page.items.map((a) => [
      a.id,
      displayDate(a),
      a.place ?? '',
      (a.favourite ? '★ ' : '') + a.title,
      a.tags.join(', '),
    ]),
    width,
  );
  const shown = page.items.length;
  const count =
    shown < page.total
      ? `${formatCount(shown)} of ${formatCount(page.total)} articles (use --limit for more)`
      : `${formatCount(page.total)} ${page.total === 1 ? 'article' : 'articles'}`;
  return `${table}\n${count}`;
}
