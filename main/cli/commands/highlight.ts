// archive-reader highlight ID TEXT [--note NOTE] [--color C] [--occurrence N]
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { highlightJson } from '../format/highlight-json';
import { EXIT } from '../io';

/**
 * Highlights the first (or --occurrence N-th) occurrence of TEXT in the article's clean text
 * and prints the new highlight's id; a text not in the article is the engine's BAD_ARGUMENT.
 */
export async function highlightCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const [id, text] = ctx.cli.args as [string, string];
  const { note, color, occurrence } = ctx.cli;
  const highlight = await lib.addHighlight({
    id,
    text,
    ...(occurrence !== undefined ? { occurrence } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(color !== undefined ? { color } : {}),
  });
  if (ctx.cli.json) printJson(ctx, highlightJson(highlight));
  else print(ctx, highlight.id);
  return EXIT.ok;
}
