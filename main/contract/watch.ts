// Watched folders: folders whose new and changed article files are imported while the app (or
// `archive-reader watch run`) runs. The list lives in the library; these are its shapes.
import { z } from './zod';
import { absolutePath } from './api-schemas';

const count = z.number().int().nonnegative();

/** One watched folder as listed. */
export const watchedFolderSchema = z.object({
  /** Absolute path of the folder, as it was added. */
  path: z.string(),
  /** ISO timestamp of when it was added. */
  addedAt: z.string(),
  /** True when the folder is there now (a folder may disappear and come back). */
  present: z.boolean(),
  /** True while a watcher runs on it (the app is open, or `watch run`). */
  watching: z.boolean(),
  /** The last problem with it (unreadable, gone), or null. */
  problem: z.string().nullable(),
});
export type WatchedFolder = z.infer<typeof watchedFolderSchema>;

/** Every watched folder, in the order they were added. */
export const watchListSchema = z.object({ folders: z.array(watchedFolderSchema) });
export type WatchList = z.infer<typeof watchListSchema>;

/** What naming one watched folder takes: its absolute path. */
export const watchPathArgsSchema = z.strictObject({ path: absolutePath });
export type WatchPathArgs = z.infer<typeof watchPathArgsSchema>;

/** One import batch the watcher ran: what it found and what became of it. */
export const watchBatchSchema = z.object({
  /** The watched folder the files came from (the first one, when several did). */
  folder: z.string(),
  /** ISO timestamp of when the batch finished. */
  at: z.string(),
  files: count,
  imported: count,
  /** Files whose text was already in the library. */
  duplicates: count,
  /** Files whose article was in the trash and was taken out of it. */
  restored: count,
  failed: count,
  /** Titles of the first few imported articles. */
  titles: z.array(z.string()),
  /** The first few files that failed, with why. */
  failures: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type WatchBatch = z.infer<typeof watchBatchSchema>;

/** A problem the watcher met and went on after (a folder gone, a permission refused). */
export const watchProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  at: z.string(),
});
export type WatchProblem = z.infer<typeof watchProblemSchema>;

/** The watcher's state, for a status line. */
export const watchStatusSchema = z.object({
  /** True while watching runs (the app has the library open, or `watch run`). */
  running: z.boolean(),
  /** Watched folders, and how many of them are there and watched now. */
  folders: count,
  watching: count,
  /** True while it looks through folders for files added while nothing watched. */
  catchingUp: z.boolean(),
  /** Files waiting to stop changing or to be imported. */
  pending: count,
  /** Articles imported since watching started. */
  importedSinceStart: count,
  /** The last batch that imported or failed something, or null. */
  lastBatch: watchBatchSchema.nullable(),
  /** Recent problems, newest last (a few at most). */
  problems: z.array(watchProblemSchema),
});
export type WatchStatus = z.infer<typeof watchStatusSchema>;
