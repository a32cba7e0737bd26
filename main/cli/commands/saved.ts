// archive-reader saved [--json], saved add NAME QUERY, saved run NAME, saved remove NAME
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { formatCount } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';
import { printSearchResult } from './search';

const DEFAULT_LIMIT = 20;

/** Lists, adds, runs or removes saved searches (shared with the app through the library). */
export async function savedCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const [sub, name, ...words] = ctx.cli.args;
  if (sub === 'add') {
    const saved = await lib.putSavedSearch({ name: name!, query: words.join(' '), filters: {} });
    if (ctx.cli.json) printJson(ctx, { name: saved.name, query: saved.query, count: saved.count });
    else print(ctx, escapeControls(`Saved "${saved.name}" (${formatCount(saved.count)} now)`));
    return EXIT.ok;
  }
  if (sub === 'run') {
    const result = await lib.runSavedSearch({
      name: name!,
      limit: ctx.cli.limit ?? DEFAULT_LIMIT,
    });
    printSearchResult(ctx, result);
    return EXIT.ok;
  }
  if (sub === 'remove') {
    const { removed } = await lib.removeSavedSearch({ name: name! });
    if (ctx.cli.json) printJson(ctx, { removed: removed.name });
    else print(ctx, escapeControls(`Removed "${removed.name}"`));
    return EXIT.ok;
  }
  const { saved } = await lib.listSavedSearches();
  if (ctx.cli.json) {
    printJson(ctx, { saved: saved.map(({ name, query, count }) => ({ name, query, count })) });
  } else if (saved.length === 0) {
    print(ctx, 'No saved searches.');
  } else {
    print(
      ctx,
      renderTable(
        [{ header: 'NAME' }, { header: 'QUERY', flexible: true }, { header: 'ARTICLES' }],
        saved.map((s) => [s.name, s.query, formatCount(s.count)]),
      ),
    );
  }
  return EXIT.ok;
}
