// archive-reader entities [--type person|organisation|place]
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { formatCount, plural } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';

/** Lists every person, organisation and place with the number of articles naming it. */
export async function entitiesCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { entities } = await lib.listEntities(
    ctx.cli.entityType ? { type: ctx.cli.entityType } : {},
  );
  if (ctx.cli.json) {
    printJson(ctx, { entities: entities.map(({ name, type, count }) => ({ name, type, count })) });
    return EXIT.ok;
  }
  if (entities.length === 0) {
    print(
      ctx,
      ctx.cli.entityType ? `No ${ctx.cli.entityType} named in any article.` : 'No entities.',
    );
    return EXIT.ok;
  }
  print(
    ctx,
    [
      renderTable(
        [{ header: 'NAME', flexible: true }, { header: 'TYPE' }, { header: 'ARTICLES' }],
        entities.map((e) => [e.name, e.type, formatCount(e.count)]),
      ),
      '',
      plural(entities.length, 'entity', 'entities'),
    ].join('\n'),
  );
  return EXIT.ok;
}
