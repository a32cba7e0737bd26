// archive-reader rules [--json]
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { formatCount } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';

/** Lists the tagging rules with how many articles each query finds now. */
export async function rulesCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { rules } = await lib.listTagRules();
  if (ctx.cli.json) {
    printJson(ctx, { rules: rules.map(({ tag, query, matched }) => ({ tag, query, matched })) });
  } else if (rules.length === 0) {
    print(ctx, 'No rules.');
  } else {
    print(
      ctx,
      renderTable(
        [{ header: 'TAG' }, { header: 'QUERY', flexible: true }, { header: 'MATCHED' }],
        rules.map((r) => [r.tag, r.query, formatCount(r.matched)]),
      ),
    );
  }
  return EXIT.ok;
}
