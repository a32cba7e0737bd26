// archive-reader note HID NOTE
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { highlightJson } from '../format/highlight-json';
import { EXIT } from '../io';

/** Sets (or, with an empty NOTE, clears) the note of a highlight. */
export async function noteCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const [id, note] = ctx.cli.args as [string, string];
  const highlight = await lib.updateHighlight({ id, note });
  if (ctx.cli.json) printJson(ctx, highlightJson(highlight));
  else print(ctx, highlight.note === '' ? `Cleared the note of ${id}.` : `Set the note of ${id}.`);
  return EXIT.ok;
}
