// How an engine worker ended, in words a person can act on.

/** What ended a worker thread: the error it raised, if any, and its exit code. */
export interface WorkerDeath {
  error: Error | null;
  exitCode: number;
}

/** The kind of a death, for logs (which never hold an error's free text from the worker). */
export type DeathCause = 'out-of-memory' | 'error' | 'exit';

/** Which kind of death this was. */
export function deathCause(death: WorkerDeath): DeathCause {
  if (death.error && 'code' in death.error && death.error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'out-of-memory';
  }
  return death.error ? 'error' : 'exit';
}

/** Why the worker stopped, as a clause: "it ran out of memory". */
export function describeDeath(death: WorkerDeath): string {
  switch (deathCause(death)) {
    case 'out-of-memory':
      return 'it ran out of memory';
    case 'error':
      return `it failed: ${death.error?.message ?? 'unknown error'}`;
    default:
      return `its thread exited with code ${death.exitCode}`;
  }
}
