// archive-reader unhighlight HID
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { EXIT } from '../io';

/** Removes a highlight (its article's text is untouched). */
export async function unhighlightCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const id = ctx.cli.args[0]!;
  await lib.removeHighlight({ id });
  if (ctx.cli.json) printJson(ctx, { removed: id });
  else print(ctx, `Removed highlight ${id}.`);
  return EXIT.ok;
}
