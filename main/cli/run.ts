// The command runner: parse, open the library the way the command needs, run it, and
// turn every failure into a one-line message and an exit status.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '../contract/error-message';
import type { LibraryEngine } from '../core/engine';
import { isErrno } from '../core/errno';
import { isArchiveError } from '../core/errors';
import { diskFullOr, isDiskFull } from '../core/store/disk-full';
import type { ParsedCommandLine } from './args';
import { COMMANDS, type CommandName } from './command-specs';
import { readCommandLine } from './read-command-line';
import { UsageError } from './usage-error';
import type { CommandContext } from './context';
import { helpText } from './help';
import { escapeControls, escapeJson, escapeOutput } from './format/escape-controls';
import { EXIT, type CliIo, type TextStream } from './io';
import { leanOpen } from './lean-open';
import type { ServedReaders } from './service/served-readers';

// `backup` (and `restore FILE`) work on folders, not on an open library; `list` opens only
// the catalogue (catalog-list.ts).
type LibraryCommand = Exclude<CommandName, 'help' | 'backup' | 'list' | 'serve'>;
type Runner = (lib: LibraryEngine, ctx: CommandContext) => Promise<number>;

// Each command's module (and what it pulls in of the engine) is loaded only when that command
// runs: scripts call the CLI once per keystroke, and `--help` needs none of them.
const RUNNERS: Record<LibraryCommand, () => Promise<Runner>> = {
  import: async () => (await import('./commands/import')).importCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  related: async () => (await import('./commands/related')).relatedCommand,
  versions: async () => (await import('./commands/versions')).versionsCommand,
  entities: async () => (await import('./commands/entities')).entitiesCommand,
  show: async () => (await import('./commands/show')).showCommand,
  tag: async () => {
    const { tagCommand } = await import('./commands/tags');
    return (lib, ctx) => tagCommand(lib, ctx, false);
  },
  untag: async () => {
    const { tagCommand } = await import('./commands/tags');
    return (lib, ctx) => tagCommand(lib, ctx, true);
  },
  tags: async () => (await import('./commands/tags')).tagsCommand,
  saved: async () => (await import('./commands/saved')).savedCommand,
  rule: async () => (await import('./commands/rule')).ruleCommand,
  rules: async () => (await import('./commands/rules')).rulesCommand,
  watch: async () => (await import('./commands/watch')).watchCommand,
  highlight: async () => (await import('./commands/highlight')).highlightCommand,
  highlights: async () => (await import('./commands/highlights')).highlightsCommand,
  note: async () => (await import('./commands/note')).noteCommand,
  unhighlight: async () => (await import('./commands/unhighlight')).unhighlightCommand,
  'export-highlights': async () =>
    (await import('./commands/export-highlights')).exportHighlightsCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  remove: async () => {
    const { trashCommand } = await import('./commands/trash');
    return (lib, ctx) => trashCommand(lib, ctx, false);
  },
  restore: async () => {
    const { trashCommand } = await import('./commands/trash');
    return (lib, ctx) => trashCommand(lib, ctx, true);
  },
  'empty-trash': async () => (await import('./commands/trash')).emptyTrashCommand,
  reindex: async () => (await import('./commands/maintenance')).reindexCommand,
  stats: async () => (await import('./commands/maintenance')).statsCommand,
  check: async () => (await import('./commands/maintenance')).checkCommand,
};

/** Commands that only read: they open without the lock and work beside a running app. */
const READ_ONLY = new Set<LibraryCommand>([
  'search',
  'related',
  'versions',
  'entities',
  'show',
  'tags',
  'rules',
  'highlights',
  'export-highlights',
  'export',
  'stats',
  'check',
]);

/**
 * Runs one command line and resolves to its exit status; never throws. `served`: the readers
 * `archive-reader serve` keeps open for its library (service/serve-library.ts).
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  signal?: AbortSignal,
  served?: ServedReaders,
): Promise<number> {
  let cli: ParsedCommandLine | undefined;
  try {
    // `--help` and `--version` need no schema: the rest of the line is checked (with zod)
    // only for a command that runs.
    const reading = readCommandLine(argv);
    if (!served && !reading.early && (reading.command === 'list' || reading.command === 'search')) {
      // A service keeping the library open answers at once, before anything else is loaded
      // (service/ask-service.ts); it checks the command line as this would.
      const { askService } = await import('./service/ask-service');
      const answer = await askService(await libraryFor(reading.base.library, io), argv, io);
      if (answer) {
        io.stdout.write(answer.stdout);
        io.stderr.write(answer.stderr);
        return answer.status;
      }
    }
    cli = reading.early ?? (await import('./args')).completeCommandLine(reading);
    if (cli.command === 'version') {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (cli.command === 'help') {
      io.stdout.write(helpText(helpTopic(cli.args[0])));
      return EXIT.ok;
    }
    const command = cli.command;
    // A service answers only `list` and `search` on its own library; anything else (a client
    // whose library resolves elsewhere here) it declines, and the client answers itself.
    if (served && !(await servedHere(served, cli, io))) return served.decline();
    if (command === 'backup') {
      const { backupCommand } = await import('./commands/backup');
      const ctx: CommandContext = { cli, io, signal: signal ?? new AbortController().signal };
      return await backupCommand(ctx, readVersion());
    }
    if (command === 'restore') {
      const { isBackupRestore, restoreBackupCommand } = await import('./commands/restore');
      const ctx: CommandContext = { cli, io, signal: signal ?? new AbortController().signal };
      if (isBackupRestore(cli)) return await restoreBackupCommand(ctx);
    }
    const libraryFlag = cli.library !== undefined ? resolve(io.cwd, cli.library) : undefined;
    if (command === 'serve') {
      const { serveCommand } = await import('./commands/serve');
      const ctx: CommandContext = { cli, io, signal: signal ?? new AbortController().signal };
      const dir = await libraryFor(cli.library, io);
      return await serveCommand(ctx, dir, (line, lineIo, readers) =>
        runCli(line, lineIo, undefined, readers),
      );
    }
    let lib: { close(): Promise<void> };
    let run: (ctx: CommandContext) => Promise<number>;
    const plainSearch = command === 'search' && !(await leanSearchNeedsNames(cli));
    if (command === 'list' || plainSearch) {
      const dir = await libraryFor(cli.library, io);
      // A service's readers (servedHere checked they are of this library).
      const mine = served ?? null;
      const keep = { close: () => Promise.resolve() };
      if (command === 'list') {
        // A read-only list of the catalogue: none of the engine's modules are loaded.
        const [{ listCommand }, { openCatalogList }] = await Promise.all([
          import('./commands/list'),
          import('./catalog-list'),
        ]);
        const catalog = mine ? await mine.list() : await openCatalogList(dir);
        lib = mine ? keep : catalog;
        run = (ctx) => listCommand(catalog, ctx);
      } else {
        // A search that asks no names: the catalogue, the index and the article files alone.
        const [{ searchCommand }, { openCatalogSearch }] = await Promise.all([
          import('./commands/search'),
          import('./catalog-search'),
        ]);
        const reader = mine ? await mine.search() : await openCatalogSearch(dir);
        lib = mine ? keep : reader;
        run = (ctx) => searchCommand(reader, ctx);
      }
    } else {
      const runner = await RUNNERS[command]();
      const engine = await openEngine(command, cli, libraryFlag, io);
      lib = engine;
      run = (ctx) => runner(engine, ctx);
    }
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
      status = await run(ctx);
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

/** Whether `served` is the library a `list` or `search` command line works on. */
async function servedHere(
  served: ServedReaders,
  cli: ParsedCommandLine,
  io: CliIo,
): Promise<boolean> {
  if (cli.command !== 'list' && cli.command !== 'search') return false;
  return (await libraryFor(cli.library, io)) === served.dir;
}

/** The library folder a command line's --library (or the environment) names. */
async function libraryFor(library: string | undefined, io: CliIo): Promise<string> {
  const { libraryDirOf } = await import('./library-dir');
  const libraryFlag = library !== undefined ? resolve(io.cwd, library) : undefined;
  return libraryDirOf({ libraryFlag, env: io.env });
}

/** Whether a `search` asks the library's entities (then it opens the engine). */
async function leanSearchNeedsNames(cli: ParsedCommandLine): Promise<boolean> {
  const { searchNeedsNames } = await import('./search-needs-names');
  return searchNeedsNames(cli.args.join(' '));
}

/** Opens the engine the way the command needs: read-only or locked, lean when it can be. */
async function openEngine(
  command: LibraryCommand,
  cli: ParsedCommandLine,
  libraryFlag: string | undefined,
  io: CliIo,
): Promise<LibraryEngine> {
  const { openLibrary } = await import('./open');
  const lean = await leanOpen(cli);
  return openLibrary({
    ...(libraryFlag !== undefined ? { libraryFlag } : {}),
    env: io.env,
    // `saved` lists and runs without the lock; adding or removing one writes.
    // `versions main ID` writes the mark; `versions` alone only reads.
    readOnly:
      (READ_ONLY.has(command) && !(command === 'versions' && cli.args[0] === 'main')) ||
      (command === 'saved' && cli.args[0] !== 'add' && cli.args[0] !== 'remove') ||
      // `watch` alone lists; adding, removing and running write.
      (command === 'watch' && cli.args.length === 0),
    ...(lean ? { lean } : {}),
  });
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
