// archive-reader export-highlights [--out FILE]
import { resolve } from 'node:path';
import type { LibraryEngine } from '../../core/engine';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../../core/errors';
import { isDiskFull } from '../../core/store/disk-full';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { print, printJson, type CommandContext } from '../context';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/**
 * Every highlight of the library (not the trash) as one Markdown document grouped by article:
 * on stdout, or written to --out FILE (whole or not at all).
 */
export async function exportHighlightsCommand(
  lib: LibraryEngine,
  ctx: CommandContext,
): Promise<number> {
  const { markdown, count } = await lib.exportHighlights({});
  const out = ctx.cli.out;
  if (out === undefined) {
    if (ctx.cli.json) printJson(ctx, { markdown, count });
    // print() escapes any control characters the articles' text brought in.
    else print(ctx, markdown);
    return EXIT.ok;
  }
  const path = resolve(ctx.io.cwd, out);
  try {
    await writeFileAtomic(path, markdown);
  } catch (e) {
    if (isDiskFull(e))
      throw new ArchiveError('DISK_FULL', `The disk is full: ${out} was not written.`);
    throw new ArchiveError('IO', `Could not write ${out}: ${errorMessage(e)}`);
  }
  if (ctx.cli.json) printJson(ctx, { path, count });
  else print(ctx, `Wrote ${plural(count, 'highlight')} to ${out}.`);
  return EXIT.ok;
}
