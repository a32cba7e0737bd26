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
    // The date range column only when some saved search has one (set in the app).
    const dated = saved.some((s) => s.filters.from || s.filters.to);
    print(
      ctx,
      renderTable(
        [
          { header: 'NAME' },
          { header: 'QUERY', flexible: true },
          ...(dated ? [{ header: 'DATES' }] : []),
          { header: 'ARTICLES' },
        ],
        saved.map((s) => [
          s.name,
          s.query,
          ...(dated ? [dateRange(s.filters.from, s.filters.to)] : []),
          formatCount(s.count),
        ]),
      ),
    );
  }
  return EXIT.ok;
}

/** A saved search's date range (ISO days, on the article's own date), or "" for none. */
function dateRange(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? from : `${from} to ${to}`;
  if (from) return `from ${from}`;
  return to ? `until ${to}` : '';
}
