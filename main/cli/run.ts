// The command runner: parse, open the library the way the command needs, run it, and
// turn every failure into a one-line message and an exit status.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LibraryEngine } from '../core/engine';
import { isArchiveError } from '../core/errors';
import {
  COMMANDS,
  parseCommandLine,
  UsageError,
  type CommandName,
  type ParsedCommandLine,
} from './args';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { reindexCommand, statsCommand } from './commands/maintenance';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { tagCommand, tagsCommand } from './commands/tags';
import { trashCommand } from './commands/trash';
import type { CommandContext } from './context';
import { helpText } from './help';
import { EXIT, type CliIo } from './io';
import { openLibrary } from './open';

type LibraryCommand = Exclude<CommandName, 'help'>;
type Runner = (lib: LibraryEngine, ctx: CommandContext) => Promise<number>;

const RUNNERS: Record<LibraryCommand, Runner> = {
  import: importCommand,
  search: searchCommand,
  list: listCommand,
  show: showCommand,
  tag: (lib, ctx) => tagCommand(lib, ctx, false),
  untag: (lib, ctx) => tagCommand(lib, ctx, true),
  tags: tagsCommand,
  remove: (lib, ctx) => trashCommand(lib, ctx, false),
  restore: (lib, ctx) => trashCommand(lib, ctx, true),
  reindex: reindexCommand,
  stats: statsCommand,
};

/** Commands that only read: they open without the lock and work beside a running app. */
const READ_ONLY = new Set<LibraryCommand>(['search', 'list', 'show', 'tags', 'stats']);

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
    const lib = await openLibrary({
      ...(cli.library !== undefined ? { libraryFlag: resolve(io.cwd, cli.library) } : {}),
      env: io.env,
      readOnly: READ_ONLY.has(command),
    });
    const ctx: CommandContext = { cli, io, signal: signal ?? new AbortController().signal };
    let status: number;
    try {
      status = await RUNNERS[command](lib, ctx);
    } finally {
      await lib.close();
    }
    return status;
  } catch (e) {
    return reportFailure(e, io, cli?.json === true);
  }
}

function helpTopic(name: string | undefined): CommandName | undefined {
  if (name === undefined) return undefined;
  const found = COMMANDS.find((c) => c === name);
  if (!found) throw new UsageError(`unknown command '${name}'`);
  return found;
}

/** Prints the failure as one line (plus JSON on stdout under --json) and picks the status. */
function reportFailure(e: unknown, io: CliIo, json: boolean): number {
  const debug = io.env.ARCHIVE_READER_DEBUG === '1';
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
    message = `unexpected error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
    status = EXIT.failure;
  }
  io.stderr.write(`archive-reader: ${message}\n`);
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  if (json) io.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
  return status;
}

const oneLine = (text: string): string => text.split('\n')[0]!.trim();

/** The package version, read beside the build or the source (both sit two levels deep). */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}
