// The failure of a restore from a damaged backup: names every damaged entry.
import { ArchiveError } from '../errors';

/** One archive entry that cannot be trusted, and why. */
export interface DamagedEntry {
  name: string;
  reason: string;
}

// Entries named in the one-line message; `entries` keeps them all.
const NAMED_IN_MESSAGE = 10;

/** LIBRARY_CORRUPT naming the damaged entries; nothing was restored when it is thrown. */
export class DamagedBackupError extends ArchiveError {
  constructor(
    readonly backupPath: string,
    readonly entries: readonly DamagedEntry[],
  ) {
    const named = entries
      .slice(0, NAMED_IN_MESSAGE)
      .map((e) => `${e.name} (${e.reason})`)
      .join('; ');
    const more =
      entries.length > NAMED_IN_MESSAGE ? `; and ${entries.length - NAMED_IN_MESSAGE} more` : '';
    super(
      'LIBRARY_CORRUPT',
      `The backup ${backupPath} is damaged; nothing was restored. ${entries.length === 1 ? 'Damaged entry' : `${entries.length} damaged entries`}: ${named}${more}.`,
    );
    this.name = 'DamagedBackupError';
  }
}
