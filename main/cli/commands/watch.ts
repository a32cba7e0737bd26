// archive-reader watch [add DIR | remove DIR | run]: the library's watched folders, and
// watching them in the foreground.
import { resolve } from 'node:path';
import type { WatchBatch, WatchList } from '../../contract/watch';
import type { LibraryEngine } from '../../core/engine';
import { UsageError } from '../args';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls, escapeJson } from '../format/escape-controls';
import { plural } from '../format/numbers';
import { renderTable } from '../format/table';
import { EXIT } from '../io';

/** Runs one form of `watch`. */
export async function watchCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const [sub, dir] = ctx.cli.args;
  if (sub === 'run') return runWatch(lib, ctx);
  if (sub === 'add' || sub === 'remove') {
    const path = resolve(ctx.io.cwd, dir!);
    const list =
      sub === 'add'
        ? await lib.addWatchedFolder({ path })
        : await lib.removeWatchedFolder({ path });
    if (ctx.cli.json) printJson(ctx, list);
    else if (sub === 'add') {
      print(
        ctx,
        `Watching ${path} (${plural(list.folders.length, 'watched folder')}); its files are imported while the app runs or \`archive-reader watch run\` does.`,
      );
    } else print(ctx, `No longer watching ${path}; its articles stay in the library.`);
    return EXIT.ok;
  }
  const list = await lib.listWatchedFolders();
  if (ctx.cli.json) printJson(ctx, list);
  else printList(ctx, list);
  return EXIT.ok;
}

function printList(ctx: CommandContext, list: WatchList): void {
  if (list.folders.length === 0) {
    print(ctx, 'No watched folders. Add one with: archive-reader watch add DIR');
    return;
  }
  print(
    ctx,
    renderTable(
      [{ header: 'FOLDER', flexible: true }, { header: 'STATE' }, { header: 'ADDED' }],
      list.folders.map((f) => [
        f.path,
        f.watching ? 'watching' : f.present ? 'there' : 'missing',
        f.addedAt.slice(0, 10),
      ]),
    ),
  );
}

/** `watch run`: catches up, then imports as files arrive, until Ctrl-C or SIGTERM (exit 0). */
async function runWatch(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const { folders } = await lib.listWatchedFolders();
  if (folders.length === 0) {
    throw new UsageError('no folder is watched; add one first with: archive-reader watch add DIR');
  }
  const say = (text: string) => ctx.io.stderr.write(`${escapeControls(text)}\n`);
  say(`Watching ${plural(folders.length, 'folder')}; Ctrl-C stops.`);
  let imported = 0;
  await lib.watchFolders({
    signal: ctx.signal,
    onBatch: (batch) => {
      imported += batch.imported;
      if (ctx.cli.json) ctx.io.stdout.write(escapeJson(JSON.stringify(batch)) + '\n');
      else print(ctx, escapeControls(batchLine(batch)));
    },
    onProblem: (p) => say(`archive-reader: warning: ${p.path}: ${p.message}`),
  });
  say(`Stopped watching; ${plural(imported, 'article')} imported.`);
  return EXIT.ok;
}

/** One line for one import batch: when, from where, and what became of its files. */
export function batchLine(batch: WatchBatch): string {
  const parts = [`${plural(batch.imported, 'article')} imported`];
  if (batch.restored > 0) parts.push(`${batch.restored} taken out of the trash`);
  if (batch.duplicates > 0) parts.push(plural(batch.duplicates, 'duplicate'));
  if (batch.failed > 0) {
    const first = batch.failures[0];
    parts.push(`${batch.failed} failed${first ? ` (${first.path}: ${first.reason})` : ''}`);
  }
  const time = new Date(batch.at).toTimeString().slice(0, 8);
  return `${time}  ${batch.folder}  ${parts.join(', ')}`;
}
