// archive-reader show ID [--original]
import type { LibraryEngine } from '../../core/engine';
import type { ArticleView } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { describeHighlight } from '../format/highlight-block';
import { formatCount, plural } from '../format/numbers';
import { EXIT } from '../io';

/** Prints one article: a header of metadata, then the clean body or the original text. */
export async function showCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const view = await lib.get(ctx.cli.args[0]!, { waitForVersions: true });
  if (ctx.cli.json) printJson(ctx, showJson(view, ctx.cli.original));
  else print(ctx, describeArticle(view, ctx.cli.original));
  return EXIT.ok;
}

function showJson(view: ArticleView, original: boolean): unknown {
  const { matches: _m, titleMatches: _t, excerpt: _e, original: text, ...rest } = view;
  // Always present, so scripts need not tell "not guessed" from "imported before it was recorded".
  const encodingGuessed = rest.encodingGuessed === true;
  const highlights = rest.highlights.map((h) => ({
    id: h.id,
    exact: h.exact,
    note: h.note,
    color: h.color,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    start: h.start,
    end: h.end,
    orphaned: h.orphaned,
  }));
  return { ...rest, encodingGuessed, highlights, ...(original ? { original: text } : {}) };
}

/**
 * Title, a metadata line, where it came from (and the encoding when it was guessed), then the
 * text, then the highlights when there are any (not under --original: that prints the original
 * text alone). The one-line fields are escaped here; the text keeps its lines and print()
 * escapes the controls in it.
 */
export function describeArticle(view: ArticleView, original: boolean): string {
  const facts = [
    // A saved web page's author line and site (absent on text files).
    view.byline ? `by ${view.byline}` : null,
    view.siteName,
    view.place,
    view.articleDate,
    view.language,
    `${formatCount(view.wordCount)} words`,
    view.tags.length > 0 ? `tags: ${view.tags.join(', ')}` : null,
    view.trashedAt ? 'in trash' : null,
    view.versions.length > 0 ? plural(view.versions.length, 'other version') : null,
  ].filter((f): f is string => Boolean(f));
  const source = view.sourcePath ?? view.sourceName;
  const text = original ? view.original : view.body;
  return [
    escapeControls(view.title),
    escapeControls(facts.join(' · ')),
    `id ${escapeControls(view.id)} · from ${escapeControls(source)}`,
    ...(view.encodingGuessed ? [`Encoding: ${escapeControls(view.encoding)} (guessed)`] : []),
    '',
    // A lone CR (old Mac line ends) would draw over the line before it.
    text.replace(/\r(?!\n)/g, '\n').trimEnd(),
    ...(original || view.highlights.length === 0
      ? []
      : [
          '',
          `Highlights (${formatCount(view.highlights.length)})`,
          '',
          view.highlights.map((h) => describeHighlight(h)).join('\n\n'),
        ]),
  ].join('\n');
}
