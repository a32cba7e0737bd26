// archive-reader versions, and versions main ID
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/** Lists every group of two or more versions of a story, one block per group. */
export async function versionsCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  if (ctx.cli.args[0] === 'main') return markMain(lib, ctx, ctx.cli.args[1]!);
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

/** `versions main ID`: makes ID its story's main version; JSON `{main, ids}` (the group). */
async function markMain(lib: LibraryEngine, ctx: CommandContext, id: string): Promise<number> {
  await lib.setMainVersion({ id });
  const { main, versions } = await lib.articleVersions({ id });
  const ids = versions.map((v) => v.id).sort();
  if (ctx.cli.json) {
    printJson(ctx, { main, ids });
    return EXIT.ok;
  }
  const title = versions.find((v) => v.id === id)?.title ?? '';
  print(ctx, `Main version of its story (${plural(ids.length, 'version')}): ${title}  [${id}]`);
  return EXIT.ok;
}
