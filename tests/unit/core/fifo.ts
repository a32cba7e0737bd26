// Named pipes for import tests, and a watchdog that unblocks a reader stuck opening one.
import { execFileSync, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

/** POSIX only: Windows has no mkfifo. */
export const canMakeFifo = process.platform !== 'win32';

/** Creates a named pipe at `path`. */
export function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/**
 * Opens the pipe for writing after `ms`, so that code that (wrongly) blocks opening it for
 * reading resumes and the test fails on its assertions instead of hanging the test run.
 */
export function unblockLater(path: string, ms = 3000): void {
  const child = spawn('sh', ['-c', `sleep ${ms / 1000}; : > "$1"`, 'sh', path], {
    stdio: 'ignore',
  });
  afterEach(() => {
    child.kill();
  });
}
