// archive-reader show ID [--original]
import type { LibraryEngine } from '../../core/engine';
import type { ArticleView } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { formatCount } from '../format/numbers';
import { EXIT } from '../io';

/** Prints one article: a header of metadata, then the clean body or the original text. */
export async function showCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const view = await lib.get(ctx.cli.args[0]!);
  if (ctx.cli.json) printJson(ctx, showJson(view, ctx.cli.original));
  else print(ctx, describeArticle(view, ctx.cli.original));
  return EXIT.ok;
}

function showJson(view: ArticleView, original: boolean): unknown {
  const { matches: _m, titleMatches: _t, excerpt: _e, original: text, ...rest } = view;
  return { ...rest, ...(original ? { original: text } : {}) };
}

/** Title, a metadata line, then the text. */
export function describeArticle(view: ArticleView, original: boolean): string {
  const facts = [
    view.place,
    view.articleDate,
    view.language,
    `${formatCount(view.wordCount)} words`,
    view.tags.length > 0 ? `tags: ${view.tags.join(', ')}` : null,
    view.trashedAt ? 'in trash' : null,
  ].filter((f): f is string => Boolean(f));
  const source = view.sourcePath ?? view.sourceName;
  return [
    view.title,
    facts.join(' · '),
    `id ${view.id} · from ${source}`,
    '',
    (original ? view.original : view.body).trimEnd(),
  ].join('\n');
}
