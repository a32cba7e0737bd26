// Entry point of the archive-reader command line (built to out/main/cli.js).
import { runCli } from './run';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  // First Ctrl-C: stop after the file in hand and report. Second: leave at once.
  interrupts += 1;
  if (interrupts > 1) process.exit(130);
  controller.abort();
});

void runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  controller.signal,
).then((status) => {
  // Exit explicitly so a lingering worker or timer cannot keep the command alive;
  // the empty write's callback runs once everything before it is flushed.
  process.stdout.write('', () => process.exit(status));
});
