// IPC channels outside the API contract. The preload reports the paths of files the user
// dropped on this channel so main can grant them (see docs/security.md).

/** Preload -> main: absolute paths of files the user dropped (from webUtils.getPathForFile). */
export const GRANT_DROPPED_PATHS_CHANNEL = 'archive-grant:dropped-paths';

/** Upper bound on how many dropped paths one grant message may carry. */
export const MAX_GRANTED_PER_MESSAGE = 10_000;
