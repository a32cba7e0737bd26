// archive-reader export [QUERY] --format md|txt|jsonl|csv|opensearch --out PATH [--tag T]
// [--collection C]
import { resolve } from 'node:path';
import type { ExportScope } from '../../contract/export';
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { plural } from '../format/numbers';
import { EXIT } from '../io';
import { ProgressLine } from '../progress';

/**
 * Exports what QUERY finds (the whole library without one), narrowed by tags and collection,
 * to a file or a new folder; Ctrl-C cancels and leaves nothing behind.
 */
export async function exportCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { cli } = ctx;
  const query = cli.args.join(' ').trim();
  const scope: ExportScope = {
    ...(query !== '' ? { query } : {}),
    ...(cli.tags.length > 0 ? { tags: cli.tags } : {}),
    ...(cli.collection !== undefined ? { collection: cli.collection } : {}),
  };
  const out = resolve(ctx.io.cwd, cli.out!);
  const progress = new ProgressLine(ctx.io.stderr, !cli.json && ctx.io.stderr.isTTY === true);
  let result;
  try {
    result = await lib.exportArticles(
      { format: cli.format!, out, scope },
      {
        signal: ctx.signal,
        onProgress: (p) => progress.update('Exporting', p.done, p.total),
      },
    );
  } finally {
    progress.clear();
  }
  if (cli.json) printJson(ctx, { exported: result.exported, path: result.path });
  else print(ctx, `Exported ${plural(result.exported, 'article')} to ${result.path}.`);
  return EXIT.ok;
}
