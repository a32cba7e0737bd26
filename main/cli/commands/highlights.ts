// archive-reader highlights [ID]
import type { ListedHighlight } from '../../contract/highlights';
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { describeHighlight } from '../format/highlight-block';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/** Lists the highlights of one article, or of the whole library, newest first. */
export async function highlightsCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const articleId = ctx.cli.args[0];
  // get() first so an unknown id is a NOT_FOUND rather than an empty list; a named article's
  // highlights are listed even when it is in the trash, as `show` shows it.
  if (articleId !== undefined) await lib.get(articleId);
  const listed = await lib.listHighlights(
    articleId === undefined ? {} : { articleId, trashed: true },
  );
  const highlights = newestFirst(listed);
  if (ctx.cli.json) {
    printJson(ctx, {
      highlights: highlights.map((h) => ({
        id: h.id,
        articleId: h.articleId,
        title: h.title,
        exact: h.exact,
        note: h.note,
        color: h.color,
        createdAt: h.createdAt,
        orphaned: h.orphaned,
      })),
    });
  } else if (highlights.length === 0) {
    print(ctx, 'No highlights.');
  } else {
    const blocks = highlights.map((h) => describeHighlight(h, h.title));
    print(ctx, [...blocks, plural(highlights.length, 'highlight')].join('\n\n'));
  }
  return EXIT.ok;
}

/** Newest first by creation time; the engine's order among equal times is kept. */
const newestFirst = (list: ListedHighlight[]): ListedHighlight[] =>
  [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
