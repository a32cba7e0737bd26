// The manifest inside every backup: what it holds, each file's size and SHA-256, and the
// format versions it was written with. Restore trusts nothing in the archive that this does
// not list, and nothing this lists that does not match.
import { z } from 'zod';
import { backupContentsSchema } from '../../contract/backup';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';

/** The manifest's format; a backup with a higher number is refused (LIBRARY_VERSION). */
export const BACKUP_FORMAT = 1;
/** The manifest's entry name: at the archive's root, beside the `library/` folder. */
export const MANIFEST_ENTRY = 'archive-reader-backup.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One file of the backup: its entry name, size in bytes and SHA-256 of those bytes. */
export const manifestEntrySchema = z.strictObject({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The whole manifest; unknown top-level fields are refused so a damaged one cannot pass. */
export const backupManifestSchema = z.strictObject({
  kind: z.literal('archive-reader-backup'),
  format: z.number().int().positive(),
  createdAt: z.string(),
  app: z.strictObject({ name: z.string(), version: z.string() }),
  /** Formats of the library folder (manifest.json) and of its article files when backed up. */
  library: z.strictObject({
    format: z.number().int().positive(),
    articleFormat: z.number().int().positive(),
  }),
  contents: backupContentsSchema,
  entries: z.array(manifestEntrySchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Parses a manifest's text; throws LIBRARY_CORRUPT (damaged) or LIBRARY_VERSION (newer). */
export function parseBackupManifest(text: string, backupPath: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw damagedManifest(backupPath, `it is not valid JSON (${errorMessage(e)})`);
  }
  // The format is looked at first, so a newer backup says so instead of "damaged".
  const format = z.looseObject({ format: z.number() }).safeParse(json);
  if (format.success && format.data.format > BACKUP_FORMAT) {
    throw new ArchiveError(
      'LIBRARY_VERSION',
      `The backup ${backupPath} was made by a newer Archive Reader (backup format ${format.data.format}; this version reads ${BACKUP_FORMAT}). Update Archive Reader to restore it.`,
    );
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the top level';
    throw damagedManifest(backupPath, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function damagedManifest(backupPath: string, why: string): ArchiveError {
  return new ArchiveError(
    'LIBRARY_CORRUPT',
    `The backup ${backupPath} is damaged; nothing was restored: ${MANIFEST_ENTRY} cannot be used (${why}).`,
  );
}
