// The ways dying-engine-worker.ts can be told to die (shared with the tests, which must not
// import dying-library.ts: it patches Library in whatever thread loads it).

/** Queries that kill the engine's thread instead of searching. */
export const DEATHS = {
  outOfMemory: 'die:out-of-memory',
  exit: 'die:exit',
  uncaught: 'die:uncaught',
} as const;

/** The exit code of the `exit` death. */
export const DEATH_EXIT_CODE = 7;

/** A library folder with this name kills the thread right after opening (lock taken). */
export const DIES_ON_OPEN = 'dies-on-open';
