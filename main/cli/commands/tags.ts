// archive-reader tag ID TAG..., untag ID TAG..., tags
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { formatCount } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';

/** Adds (or with `remove`, removes) tags on one article and prints its tags after. */
export async function tagCommand(
  lib: LibraryEngine,
  ctx: CommandContext,
  remove: boolean,
): Promise<number> {
  const [id, ...tags] = ctx.cli.args as [string, ...string[]];
  // get() first so an unknown id is a NOT_FOUND, whatever the tag calls do with it.
  await lib.get(id);
  if (remove) await lib.removeTags([id], tags);
  else await lib.addTags([id], tags);
  const after = await lib.get(id);
  if (ctx.cli.json) printJson(ctx, { id, tags: after.tags });
  else {
    const tags = after.tags.length > 0 ? `tags: ${after.tags.join(', ')}` : 'no tags';
    print(ctx, escapeControls(`${id}  ${tags}`));
  }
  return EXIT.ok;
}

/** Lists every tag with the number of articles carrying it. */
export async function tagsCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const tags = await lib.listTags();
  if (ctx.cli.json) {
    printJson(ctx, { tags: tags.map(({ name, count }) => ({ name, count })) });
  } else if (tags.length === 0) {
    print(ctx, 'No tags.');
  } else {
    print(
      ctx,
      renderTable(
        [{ header: 'TAG', flexible: true }, { header: 'ARTICLES' }],
        tags.map((t) => [t.name, formatCount(t.count)]),
      ),
    );
  }
  return EXIT.ok;
}
