// The command runner: parse, open the library the way the command needs, run it, and
// turn every failure into a one-line message and an exit status.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '../contract/error-message';
import type { LibraryEngine } from '../core/engine';
import { isErrno } from '../core/errno';
import { isArchiveError } from '../core/errors';
import { diskFullOr, isDiskFull } from '../core/store/disk-full';
import {
  COMMANDS,
  parseCommandLine,
  UsageError,
  type CommandName,
  type ParsedCommandLine,
} from './args';
import { backupCommand } from './commands/backup';
import { exportHighlightsCommand } from './commands/export-highlights';
import { exportCommand } from './commands/export';
import { highlightCommand } from './commands/highlight';
import { highlightsCommand } from './commands/highlights';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { checkCommand, reindexCommand, statsCommand } from './commands/maintenance';
import { noteCommand } from './commands/note';
import { relatedCommand } from './commands/related';
import { isBackupRestore, restoreBackupCommand } from './commands/restore';
import { versionsCommand } from './commands/versions';
import { entitiesCommand } from './commands/entities';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { tagCommand, tagsCommand } from './commands/tags';
import { savedCommand } from './commands/saved';
import { ruleCommand } from './commands/rule';
import { rulesCommand } from './commands/rules';
import { watchCommand } from './commands/watch';
import { emptyTrashCommand, trashCommand } from './commands/trash';
import { unhighlightCommand } from './commands/unhighlight';
import type { CommandContext } from './context';
import { helpText } from './help';
import { escapeControls, escapeJson, escapeOutput } from './format/escape-controls';
import { EXIT, type CliIo, type TextStream } from './io';
import { openLibrary } from './open';

// `backup` (and `restore FILE`) work on folders, not on an open library.
type LibraryCommand = Exclude<CommandName, 'help' | 'backup'>;
type Runner = (lib: LibraryEngine, ctx: CommandContext) => Promise<number>;

const RUNNERS: Record<LibraryCommand, Runner> = {
  import: importCommand,
  search: searchCommand,
  related: relatedCommand,
  versions: versionsCommand,
  entities: entitiesCommand,
  list: listCommand,
  show: showCommand,
  tag: (lib, ctx) => tagCommand(lib, ctx, false),
  untag: (lib, ctx) => tagCommand(lib, ctx, true),
  tags: tagsCommand,
  saved: savedCommand,
  rule: ruleCommand,
  rules: rulesCommand,
  watch: watchCommand,
  highlight: highlightCommand,
  highlights: highlightsCommand,
  note: noteCommand,
  unhighlight: unhighlightCommand,
  'export-highlights': exportHighlightsCommand,
  export: exportCommand,
  remove: (lib, ctx) => trashCommand(lib, ctx, false),
  restore: (lib, ctx) => trashCommand(lib, ctx, true),
  'empty-trash': emptyTrashCommand,
  reindex: reindexCommand,
  stats: statsCommand,
  check: checkCommand,
};

/** Commands that only read: they open without the lock and work beside a running app. */
const READ_ONLY = new Set<LibraryCommand>([
  'search',
  'related',
  'versions',
  'entities',
  'list',
  'show',
  'tags',
  'rules',
  'highlights',
  'export-highlights',
  'export',
  'stats',
  'check',
]);

/** Runs one command line and resolves to its exit status; never throws. */
export async function runCli(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  let cli: ParsedCommandLine | undefined;
  try {
    cli = parseCommandLine(argv);
    if (cli.command === 'version') {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (cli.command === 'help') {
      io.stdout.write(helpText(helpTopic(cli.args[0])));
      return EXIT.ok;
    }
    const command = cli.command;
    if (command === 'backup' || isBackupRestore(cli)) {
      const ctx: CommandContext = { cli, io, signal: signal ?? new AbortController().signal };
      return command === 'backup'
        ? await backupCommand(ctx, readVersion())
        : await restoreBackupCommand(ctx);
    }
    const lib = await openLibrary({
      ...(cli.library !== undefined ? { libraryFlag: resolve(io.cwd, cli.library) } : {}),
      env: io.env,
      // `saved` lists and runs without the lock; adding or removing one writes.
      // `versions main ID` writes the mark; `versions` alone only reads.
      readOnly:
        (READ_ONLY.has(command) && !(command === 'versions' && cli.args[0] === 'main')) ||
        (command === 'saved' && cli.args[0] !== 'add' && cli.args[0] !== 'remove') ||
        // `watch` alone lists; adding, removing and running write.
        (command === 'watch' && cli.args.length === 0),
    });
    // Under --json the command's document waits until the library is closed: a failure while
    // closing (a full disk) then joins that document instead of printing a second one.
    // `watch run --json` prints one JSON line per batch as it goes, so nothing is held.
    const streams = command === 'watch' && cli.args[0] === 'run';
    const held = cli.json && !streams ? heldStream() : null;
    const ctx: CommandContext = {
      cli,
      io: held ? { ...io, stdout: held } : io,
      signal: signal ?? new AbortController().signal,
    };
    let status: number;
    try {
      status = await RUNNERS[command](lib, ctx);
    } catch (e) {
      // The command's failure is the one to report; closing still releases the lock, and
      // its own failure (most likely the same cause) would only hide the first.
      await lib.close().catch(() => undefined);
      throw e;
    }
    try {
      await lib.close();
    } catch (e) {
      return reportCloseFailure(e, io, held);
    }
    if (held) io.stdout.write(held.text());
    return status;
  } catch (e) {
    return reportFailure(e, io, cli?.json === true);
  }
}

/** A stdout that keeps what is written, for one JSON document that is printed later. */
function heldStream(): TextStream & { text(): string } {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

/**
 * The command did its work but closing the library failed: the output stays, the failure is
 * reported beside it (as an "error" field of the one JSON document under --json).
 */
function reportCloseFailure(
  e: unknown,
  io: CliIo,
  held: (TextStream & { text(): string }) | null,
): number {
  if (!held) return reportFailure(e, io, false);
  const status = reportFailure(e, io, false);
  const { code, message } = classifyFailure(e);
  const result: unknown = JSON.parse(held.text() || 'null');
  const error = { code, message };
  const merged =
    result !== null && typeof result === 'object' && !Array.isArray(result)
      ? { ...result, error }
      : { error };
  io.stdout.write(escapeJson(JSON.stringify(merged, null, 2)) + '\n');
  return status;
}

function helpTopic(name: string | undefined): CommandName | undefined {
  if (name === undefined) return undefined;
  const found = COMMANDS.find((c) => c === name);
  if (!found) throw new UsageError(`unknown command '${name}'`);
  return found;
}

/** Prints the failure as one line (plus JSON on stdout under --json) and picks the status. */
function reportFailure(e: unknown, io: CliIo, json: boolean): number {
  const { code, message, status } = classifyFailure(e);
  const debug = io.env.ARCHIVE_READER_DEBUG === '1';
  io.stderr.write(`archive-reader: ${escapeControls(message)}\n`);
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${escapeOutput(e.stack)}\n`);
  if (json) io.stdout.write(escapeJson(JSON.stringify({ error: { code, message } })) + '\n');
  return status;
}

/** The error code, one-line message and exit status for a failure. */
function classifyFailure(thrown: unknown): { code: string; message: string; status: number } {
  // A full disk the engine did not catch itself is still named for what it is.
  const e = isDiskFull(thrown) ? diskFullOr(thrown, errnoPath(thrown)) : thrown;
  let code: string;
  let message: string;
  let status: number;
  if (e instanceof UsageError) {
    code = 'USAGE';
    message = `${e.message} (see archive-reader --help)`;
    status = EXIT.usage;
  } else if (isArchiveError(e)) {
    code = e.code;
    message = oneLine(e.message);
    status = e.code === 'BAD_QUERY' || e.code === 'BAD_ARGUMENT' ? EXIT.usage : EXIT.failure;
    if (e.code === 'CANCELLED') status = EXIT.interrupted;
  } else {
    code = 'INTERNAL';
    message = `unexpected error: ${oneLine(errorMessage(e))}`;
    status = EXIT.failure;
  }
  return { code, message, status };
}

const errnoPath = (e: unknown): string => (isErrno(e) && e.path) || 'a file';

const oneLine = (text: string): string => text.split('\n')[0]!.trim();

/** The package version, read beside the build or the source (both sit two levels deep). */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    // A missing or damaged package.json must not turn --version into a failure.
    return 'unknown';
  }
}
