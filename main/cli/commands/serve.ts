// archive-reader serve: answers `list` and `search` for one library from a process that keeps
// it open, until Ctrl-C or SIGTERM (service/serve-library.ts).
import { ArchiveError } from '../../core/errors';
import { print, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { EXIT } from '../io';
import { serveLibrary, type ServedRun } from '../service/serve-library';
import { serviceFolder, serviceSocket } from '../service/service-socket';

/** Serves the library at `libraryDir` until the command's signal is aborted. */
export async function serveCommand(
  ctx: CommandContext,
  libraryDir: string,
  run: ServedRun,
): Promise<number> {
  const folder = serviceFolder(true);
  if (!folder) {
    throw new ArchiveError(
      'FORBIDDEN',
      process.platform === 'win32'
        ? 'archive-reader serve is not available on Windows.'
        : 'archive-reader serve needs a folder of its own under the temp folder, closed to other users; the one there is not.',
    );
  }
  const debug = ctx.io.env.ARCHIVE_READER_DEBUG === '1';
  await serveLibrary({
    dir: libraryDir,
    socket: serviceSocket(folder, libraryDir),
    run,
    signal: ctx.signal,
    onListening: () => print(ctx, `Answering list and search for ${libraryDir} (Ctrl-C to stop).`),
    ...(debug
      ? {
          onAnswer: (argv: readonly string[], status: number, ms: number) =>
            ctx.io.stderr.write(
              `served: ${escapeControls(argv.join(' '))} (exit ${status}, ${Math.round(ms)} ms)\n`,
            ),
        }
      : {}),
  });
  return EXIT.ok;
}
