// The list of watched folders, kept in the library (watched-folders.json) so the app and the
// command line watch the same folders. Read with zod; written atomically.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { writeFileAtomic } from '../store/atomic-write';

/** One stored watched folder. */
export interface StoredFolder {
  path: string;
  addedAt: string;
}

const FORMAT = 1;

const fileSchema = z.object({
  format: z.literal(FORMAT),
  folders: z.array(z.object({ path: z.string().min(1), addedAt: z.string() })),
});

/** Name of the list's file inside a library folder. */
export const WATCH_LIST_FILE = 'watched-folders.json';

/** Reads and writes a library's watched-folder list. */
export class WatchListStore {
  readonly file: string;

  constructor(libraryDir: string) {
    this.file = join(libraryDir, WATCH_LIST_FILE);
  }

  /** The stored folders (none when the file does not exist); LIBRARY_CORRUPT when damaged. */
  async load(): Promise<StoredFolder[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return [];
      throw new ArchiveError('IO', `Cannot read ${this.file}: ${errorMessage(e)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.damaged('it is not valid JSON');
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success)
      throw this.damaged('it is not a list of watched folders this version reads');
    return parsed.data.folders;
  }

  /** Replaces the stored list, atomically. */
  async save(folders: readonly StoredFolder[]): Promise<void> {
    const body = {
      format: FORMAT,
      folders: folders.map(({ path, addedAt }) => ({ path, addedAt })),
    };
    await writeFileAtomic(this.file, JSON.stringify(body, null, 2) + '\n');
  }

  private damaged(why: string): ArchiveError {
    return new ArchiveError(
      'LIBRARY_CORRUPT',
      `The watched-folder list ${this.file} is damaged (${why}); remove it and add the folders again.`,
    );
  }
}
