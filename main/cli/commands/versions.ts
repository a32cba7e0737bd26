// archive-reader versions
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/** Lists every group of two or more versions of a story, one block per group. */
export async function versionsCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { groups } = await lib.listVersions();
  if (ctx.cli.json) {
    printJson(ctx, { groups: groups.map((g) => ({ ids: g.ids, title: g.title })) });
    return EXIT.ok;
  }
  if (groups.length === 0) {
    print(ctx, 'No versions: no two articles tell the same story.');
    return EXIT.ok;
  }
  // The group's title (its earliest article), then its ids: the titles of versions differ
  // little, and `show ID` prints any of them.
  const blocks = groups.map((g) =>
    [`${g.title}  (${plural(g.ids.length, 'version')})`, ...g.ids.map((id) => `  ${id}`)].join(
      '\n',
    ),
  );
  print(ctx, [...blocks, plural(groups.length, 'group')].join('\n\n'));
  return EXIT.ok;
}
