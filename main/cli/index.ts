// Entry point of the archive-reader command line (built to out/main/cli.js).
import { raiseIoThreads } from '../core/io-threads';
import { readCommandLine } from './read-command-line';
import { runCli } from './run';
import { endOnClosedPipe } from './closed-pipe';

raiseIoThreads();

// stdout carries only command output (scripts parse --json): stray logging goes to stderr.
console.log = console.info = console.debug = console.error;

// `archive-reader entities | head -3`: the rest of the output has nowhere to go.
for (const stream of [process.stdout, process.stderr]) {
  endOnClosedPipe(stream, (status) => process.exit(status));
}

const argv = process.argv.slice(2);
const controller = new AbortController();

if (isWatchRun(argv)) {
  // `watch run` is stopped by a service manager too: SIGTERM ends it as cleanly as Ctrl-C
  // (after the batch in hand, library closed, exit 0).
  process.on('SIGTERM', () => controller.abort());
}

if (commandOf(argv) === 'serve') {
  // `serve` stops cleanly on either (the answer in hand sent, its socket removed, exit 0).
  process.on('SIGINT', () => controller.abort());
  process.on('SIGTERM', () => controller.abort());
}

if (isImport(argv)) {
  // During an import the first Ctrl-C stops after the file in hand, so the summary of
  // what was stored still prints; a second one leaves at once. Other commands keep
  // Node's default (exit at once), since they change nothing half-way.
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
}

void runCli(
  argv,
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  controller.signal,
).then((status) => {
  // Exit explicitly so a lingering worker or timer cannot keep the command alive;
  // the empty write's callback runs once everything before it is flushed.
  process.stdout.write('', () => process.exit(status));
});

function isImport(args: string[]): boolean {
  // backup and restore also clean up on Ctrl-C (no temp file or folder is left behind);
  // watch run stops after the import batch in hand.
  const command = commandOf(args);
  return command === 'import' || command === 'backup' || command === 'restore' || isWatchRun(args);
}

/** The command a command line names; null for help, version or a bad line (runCli says why). */
function commandOf(args: string[]): string | null {
  try {
    const reading = readCommandLine(args);
    return reading.early ? null : reading.command;
  } catch {
    return null;
  }
}

function isWatchRun(args: string[]): boolean {
  try {
    const reading = readCommandLine(args);
    return !reading.early && reading.command === 'watch' && reading.rest[0] === 'run';
  } catch {
    return false;
  }
}
