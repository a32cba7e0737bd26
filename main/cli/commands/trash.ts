// archive-reader remove ID..., restore ID..., empty-trash
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/** Moves articles to the trash, or (with `restore`) takes them out again. */
export async function trashCommand(
  lib: LibraryEngine,
  ctx: CommandContext,
  restore: boolean,
): Promise<number> {
  const ids = [...new Set(ctx.cli.args)];
  // Check every id before changing anything, so a typo changes nothing.
  for (const id of ids) await lib.get(id);
  if (restore) await lib.restore(ids);
  else await lib.trash(ids);
  if (ctx.cli.json) printJson(ctx, restore ? { restored: ids } : { trashed: ids });
  else {
    print(
      ctx,
      restore
        ? `Restored ${plural(ids.length, 'article')} from the trash.`
        : `Moved ${plural(ids.length, 'article')} to the trash (undo with: archive-reader restore ID).`,
    );
  }
  return EXIT.ok;
}

/** Deletes every article in the trash for good (files included); prints how many. */
export async function emptyTrashCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { removed } = await lib.emptyTrash();
  if (ctx.cli.json) printJson(ctx, { removed });
  else {
    print(
      ctx,
      removed === 0
        ? 'The trash is empty; nothing was removed.'
        : `Deleted ${plural(removed, 'article')} from the trash for good.`,
    );
  }
  return EXIT.ok;
}
