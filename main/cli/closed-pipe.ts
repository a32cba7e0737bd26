// A reader that stops reading (`archive-reader entities | head -3`) closes the pipe: the rest
// of the output has nowhere to go, which is not an error of the command. Left alone, Node dies
// on the unhandled EPIPE with a stack trace and status 1.
import type { EventEmitter } from 'node:events';

/** Ends the process with `exit(0)` when `stream` reports a closed pipe; other errors rethrow. */
export function endOnClosedPipe(stream: EventEmitter, exit: (status: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    exit(0);
  });
}
