// Saved searches: a name, a query and filters, kept in saved-searches.json in the library
// folder (validated, replaced atomically) so the app and the command line share them. Names
// are unique regardless of case; the order is the person's.
import { z } from '../../contract/zod';
import { LIMITS } from '../../contract/limits';
import {
  savedSearchSchema,
  type PutSavedSearch,
  type RemovedSavedSearch,
  type SavedSearch,
  type SavedSearchCount,
  type SavedSearchList,
} from '../../contract/organise';
import { ArchiveError } from '../errors';
import { JsonFileStore } from './json-file-store';

export const SAVED_SEARCHES_FILE = 'saved-searches.json';

const fileSchema = z.strictObject({
  format: z.literal(1),
  saved: z.array(savedSearchSchema).max(LIMITS.savedSearches),
});
type SavedFile = z.infer<typeof fileSchema>;

const nameKey = (name: string): string => name.normalize('NFC').trim().toLowerCase();

/** The saved searches of one library. */
export class SavedSearches {
  private readonly file: JsonFileStore<SavedFile>;

  constructor(
    dir: string,
    checkWritable: () => void,
    /** How many articles a saved search finds now. */
    private readonly count: (s: SavedSearch) => Promise<number>,
  ) {
    this.file = new JsonFileStore(
      dir,
      SAVED_SEARCHES_FILE,
      fileSchema,
      () => ({ format: 1, saved: [] }),
      checkWritable,
    );
  }

  /** Every saved search in the person's order, each with its count now. */
  async list(): Promise<SavedSearchList> {
    const { saved } = await this.file.read();
    const counted: SavedSearchCount[] = [];
    for (const s of saved) counted.push({ ...s, count: await this.countOrZero(s) });
    return { saved: counted };
  }

  /** The saved search of this name (any case); NOT_FOUND when there is none. */
  async get(name: string): Promise<SavedSearch> {
    const { saved } = await this.file.read();
    const found = saved.find((s) => nameKey(s.name) === nameKey(name));
    if (!found) throw notFound(name);
    return found;
  }

  /**
   * Adds a saved search, or replaces the one named `previous` in its place (an edit or a
   * rename). BAD_ARGUMENT when another one has the name already.
   */
  async put(args: PutSavedSearch): Promise<SavedSearchCount> {
    const entry: SavedSearch = { name: args.name, query: args.query, filters: args.filters };
    // A query that cannot run is refused before it is saved.
    const count = await this.count(entry);
    await this.file.update(({ saved }) => {
      const at =
        args.previous === undefined
          ? -1
          : saved.findIndex((s) => nameKey(s.name) === nameKey(args.previous!));
      if (args.previous !== undefined && at < 0) throw notFound(args.previous);
      const clash = saved.findIndex((s, i) => i !== at && nameKey(s.name) === nameKey(entry.name));
      if (clash >= 0) {
        throw new ArchiveError(
          'BAD_ARGUMENT',
          `A saved search named "${saved[clash]!.name}" already exists.`,
        );
      }
      const next = [...saved];
      if (at >= 0) next[at] = entry;
      else {
        if (next.length >= LIMITS.savedSearches) {
          throw new ArchiveError(
            'BAD_ARGUMENT',
            `A library holds at most ${LIMITS.savedSearches} saved searches.`,
          );
        }
        next.splice(Math.min(args.position ?? next.length, next.length), 0, entry);
      }
      return { doc: { format: 1, saved: next }, result: undefined };
    });
    return { ...entry, count };
  }

  /** Removes a saved search; the answer puts it back (undo). NOT_FOUND when there is none. */
  remove(name: string): Promise<RemovedSavedSearch> {
    return this.file.update(({ saved }) => {
      const at = saved.findIndex((s) => nameKey(s.name) === nameKey(name));
      if (at < 0) throw notFound(name);
      const next = saved.filter((_, i) => i !== at);
      return { doc: { format: 1, saved: next }, result: { removed: saved[at]!, position: at } };
    });
  }

  /** Puts the saved searches in this order; names left out keep their order after these. */
  reorder(names: string[]): Promise<void> {
    return this.file.update(({ saved }) => {
      const rank = new Map(names.map((n, i) => [nameKey(n), i]));
      const next = saved
        .map((s, i) => ({ s, i, r: rank.get(nameKey(s.name)) ?? names.length + i }))
        .sort((a, b) => a.r - b.r)
        .map(({ s }) => s);
      return { doc: { format: 1, saved: next }, result: undefined };
    });
  }

  private async countOrZero(s: SavedSearch): Promise<number> {
    try {
      return await this.count(s);
    } catch (e) {
      // A saved query the parser refuses today (edited by hand) counts nothing; running it
      // says why.
      if (e instanceof ArchiveError && e.code === 'BAD_QUERY') return 0;
      throw e;
    }
  }
}

const notFound = (name: string) =>
  new ArchiveError('NOT_FOUND', `There is no saved search named "${name}".`);
