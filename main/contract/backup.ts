// Backup and restore: what a backup holds, what `backup` and `restore` report, and their progress.
// Shared by the engine (main/core/backup/), the command line (--json) and the app.
import { importId } from './api-schemas';
import { z } from './zod';

const count = z.number().int().nonnegative();

/** What the articles of a library (or of a backup) hold, counted from their files. */
export const backupContentsSchema = z.object({
  /** Article files, those in the trash included. */
  articles: count,
  /** Of those, articles in the trash. */
  trashed: count,
  /** Distinct tag names on any article. */
  tags: count,
  highlights: count,
  /** Highlights that carry a note. */
  notes: count,
  favourites: count,
  read: count,
});
export type BackupContents = z.infer<typeof backupContentsSchema>;

/** A file of the library left out of a backup, and why (it vanished while read, a strange name). */
export const skippedFileSchema = z.object({ path: z.string(), reason: z.string() });
export type SkippedFile = z.infer<typeof skippedFileSchema>;

/** What `backup FILE` wrote (`archive-reader backup FILE --json` prints this object). */
export const backupResultSchema = z.object({
  /** The archive file written (absolute). */
  path: z.string(),
  /** ISO time the backup started; it holds the library as it was from then until `tookMs` later. */
  createdAt: z.string(),
  /** Files in the archive, its manifest not counted. */
  files: count,
  /** Bytes of those files before compression. */
  bytes: count,
  /** Size of the archive file. */
  archiveBytes: count,
  contents: backupContentsSchema,
  /** Library files that could not be included; empty when the backup is complete. */
  skipped: z.array(skippedFileSchema),
  tookMs: z.number().nonnegative(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

/** What `restore FILE --library DIR` restored (`--json` prints this object). */
export const restoreResultSchema = z.object({
  /** The new library folder (absolute). */
  library: z.string(),
  /** The archive it came from (absolute). */
  backup: z.string(),
  /** When that backup was made (ISO time). */
  backupCreatedAt: z.string(),
  /** Files restored, each checked against its SHA-256 in the backup's manifest. */
  files: count,
  bytes: count,
  contents: backupContentsSchema,
  tookMs: z.number().nonnegative(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/**
 * Progress of a backup or a restore. Phases: `reading` (backup: library files read and
 * written to the archive), `verifying` (restore: entries extracted and checked against the
 * manifest), `indexing` (restore: the catalogue and search index rebuilt from the articles).
 */
export const backupProgressSchema = z.object({
  phase: z.enum(['reading', 'verifying', 'indexing']),
  done: count,
  total: count,
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

/** How a backup or restore run ended, as the app's progress panel is told. */
export const BACKUP_RUN_ENDINGS = ['completed', 'cancelled', 'failed'] as const;

/**
 * The app's `backupProgress` event: Library → Back Up… or Restore… running in main, shown in
 * the window with a Cancel (cancelBackup names `runId`). `ended` is set on the last event.
 */
export const backupRunProgressSchema = backupProgressSchema.extend({
  runId: importId,
  operation: z.enum(['backup', 'restore']),
  ended: z.enum(BACKUP_RUN_ENDINGS).optional(),
});
export type BackupRunProgress = z.infer<typeof backupRunProgressSchema>;
