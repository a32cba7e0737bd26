// The metadata catalogue: every article's record in memory, persisted as a snapshot plus an
// append-only journal so that one change never rewrites the whole file.
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogEntry, type ArticleRecord } from './article-file';
import type { ArticleStore } from './article-store';
import {
  loadSnapshot,
  SNAPSHOT_FORMAT,
  writeSnapshot,
  type SnapshotOrders,
} from './catalog-snapshot';
import { errorMessage } from '../../contract/error-message';
import { catalogIsCurrent } from './catalog-freshness';
import { planRepairs } from './catalog-reconcile';
import { RecordMap } from './record-map';
import { diskFullOr, isDiskFull } from './disk-full';
import { formatJournalLine, parseJournalLine, type JournalEntry } from './journal-line';

export interface CatalogProblem {
  path: string;
  reason: string;
}

export interface CatalogLoad {
  catalog: Catalog;
  /** Article files that could not be read; they are left on disk untouched. */
  problems: CatalogProblem[];
  /** True when the snapshot was missing or damaged and was rebuilt from the article files. */
  rebuilt: boolean;
  /**
   * Sorted id orders saved with the snapshot (name -> ids), when they still hold: the same
   * ids as the snapshot's, sorted under the same `key`.
   */
  orders: { key: string; lists: Map<string, string[]> } | null;
}

/** Supplies the sorted orders a snapshot saves; `complete` asks for every order, sorting if need be. */
export interface OrderSource {
  orders(complete: boolean): SnapshotOrders | null;
}

// Past this size the journal is folded into a new snapshot, so replay on open stays quick.
const COMPACT_JOURNAL_BYTES = 16 * 1024 * 1024;
// On close a smaller journal is folded in too, but a few edits never rewrite the snapshot.
const COMPACT_ON_CLOSE_BYTES = 1024 * 1024;

/** In-memory records mirrored to disk; all writes go through begin/put/remove. */
export class Catalog {
  // Snapshot records are built on first use (record-map.ts).
  readonly records = new RecordMap();
  private readonly trashed = new Set<string>();
  private journal: FileHandle | null = null;
  private journalBytes = 0;
  private membershipVersion = 0;
  // The snapshot on disk is in an older format or lacks sorted orders: close() rewrites it.
  private stale = false;
  /** Where compactions get the sorted orders to save; none are saved without it. */
  orderSource: OrderSource | null = null;

  private constructor(
    private readonly snapshotPath: string,
    private readonly journalPath: string,
    private readonly readOnly: boolean,
  ) {}

  /** Loads the catalogue, checks it against the article files and repairs it from them. */
  static async load(
    libraryDir: string,
    store: ArticleStore,
    readOnly: boolean,
  ): Promise<CatalogLoad> {
    const catalog = new Catalog(
      join(libraryDir, 'catalog.json'),
      join(libraryDir, 'catalog.journal'),
      readOnly,
    );
    // The folder listing (which also sweeps temp files), the snapshot and the journal are read
    // at once: all three are on the cold-open path. A reader skips the listing when the
    // catalogue is newer than every pack (catalog-freshness.ts). A writer working meanwhile
    // either fails that test or journals the change it makes to a pack (`begin` before it).
    const listing = readOnly
      ? catalogIsCurrent(store.root, catalog.snapshotPath, catalog.journalPath).then((current) =>
          current ? null : store.listIds(),
        )
      : store.listIds({ sweep: true });
    const [loaded, listed, journalText] = await Promise.all([
      loadSnapshot(catalog.snapshotPath),
      listing,
      catalog.readJournal(),
    ]);
    const snapshot = loaded?.rows.ids ?? null;
    if (loaded) catalog.records.adopt(loaded.rows);
    const { pending, clean, changed } = catalog.replayJournal(journalText);
    const problems: CatalogProblem[] = [];
    // A damaged journal line may hide later changes, so every file is read again then.
    const fullScan = snapshot === null || !clean;
    const diskIds = listed ?? (fullScan ? await store.listIds() : null);
    const put: ArticleRecord[] = [];
    // Unlisted, the files are as the catalogue says except for the articles begun but never
    // finished: each is read, and forgotten when it has no file.
    const { read, del, same } = diskIds
      ? planRepairs(catalog.records, diskIds, pending, fullScan)
      : { read: [...pending], del: [], same: pending.size === 0 };
    for (const id of del) catalog.records.delete(id);
    for (const id of read) {
      try {
        const article = await store.read(id);
        if (article) {
          const entry = catalogEntry(article.record);
          catalog.records.set(id, entry);
          put.push(entry);
        } else if (!diskIds) catalog.records.delete(id);
      } catch (e) {
        catalog.records.delete(id);
        problems.push({ path: store.pathOf(id), reason: errorMessage(e) });
      }
    }
    if (!readOnly) {
      if (fullScan || catalog.journalBytes > COMPACT_JOURNAL_BYTES) await catalog.compact();
      else {
        // Small repairs are journalled; rewriting a big snapshot for them would be waste.
        if (put.length) await catalog.put(put);
        if (del.length) await catalog.remove(del);
      }
    }
    for (const id of catalog.records.trashedIds()) catalog.trashed.add(id);
    // Saved orders hold only while the ids are exactly the snapshot's: the journal added or
    // removed none, the files matched, and no file failed to read.
    const sameIds = !fullScan && !changed && same && problems.length === 0;
    let orders = sameIds ? (loaded?.orders ?? null) : null;
    if (orders) {
      // The snapshot is in import order, so that order needs no saving.
      orders = { key: orders.key, lists: new Map(orders.lists) };
      orders.lists.set('imported', snapshot!.slice());
    }
    catalog.stale ||= loaded !== null && (loaded.format !== SNAPSHOT_FORMAT || !loaded.orders);
    return { catalog, problems, rebuilt: snapshot === null, orders };
  }

  /** Records, durably, that these articles' files are about to change. */
  async begin(ids: string[]): Promise<void> {
    await this.append({ t: 'begin', ids }, true);
  }

  /**
   * Grows whenever an id joins or leaves the catalogue (not when a record changes): sorted
   * orders of ids stay valid while it holds, since sort keys never change after import.
   */
  get membership(): number {
    return this.membershipVersion;
  }

  /**
   * Ids of the records in the trash (kept up to date by put/remove), so that searches of the
   * plain views can filter hits without looking up every record.
   */
  get trashedIds(): ReadonlySet<string> {
    return this.trashed;
  }

  /** Stores new versions of records (after their files were written). */
  async put(full: ArticleRecord[]): Promise<void> {
    const records = full.map(catalogEntry);
    // Journalled first: when that fails (disk full) memory still matches what a reopen sees.
    await this.append({ t: 'put', recs: records }, false);
    for (const r of records) {
      if (!this.records.has(r.id)) this.membershipVersion++;
      this.records.set(r.id, r);
      if (r.trashedAt !== null) this.trashed.add(r.id);
      else this.trashed.delete(r.id);
    }
  }

  /** Forgets records (after their files were deleted). */
  async remove(ids: string[]): Promise<void> {
    await this.append({ t: 'del', ids }, false);
    for (const id of ids) {
      if (this.records.delete(id)) this.membershipVersion++;
      this.trashed.delete(id);
    }
  }

  /**
   * Folds the journal into the snapshot when it has grown large. A full disk does not fail
   * the write that called this: the journal still holds every change, the old snapshot is
   * untouched, and the next write that needs room reports DISK_FULL.
   */
  async maybeCompact(): Promise<void> {
    if (this.journalBytes <= COMPACT_JOURNAL_BYTES) return;
    try {
      await this.compact();
    } catch (e) {
      if (!isDiskFull(e)) throw e;
    }
  }

  /**
   * Writes a fresh snapshot and empties the journal. With `complete` every sorted order is
   * saved (sorting what is not cached); otherwise only orders already at hand, so that
   * compactions during an import cost no sorting.
   */
  async compact(complete = false): Promise<void> {
    if (this.readOnly) return;
    const orders = this.orderSource?.orders(complete) ?? null;
    try {
      await writeSnapshot(this.snapshotPath, this.records.values(), orders);
    } catch (e) {
      throw diskFullOr(e, this.snapshotPath);
    }
    this.stale = orders === null;
    // Replaying an old journal over the new snapshot is harmless (entries are idempotent),
    // so a crash between these two steps loses nothing.
    await this.journal?.close();
    this.journal = null;
    this.journal = await open(this.journalPath, 'w');
    await this.journal.sync();
    this.journalBytes = 0;
  }

  /**
   * Closes the journal, folding it into the snapshot first when it has grown, or when the
   * snapshot is in an older format or lacks the sorted orders a quick cold open uses.
   */
  async close(): Promise<void> {
    try {
      if (!this.readOnly && (this.stale || this.journalBytes > COMPACT_ON_CLOSE_BYTES)) {
        await this.compact(true);
      }
    } finally {
      await this.journal?.close();
      this.journal = null;
    }
  }

  private async append(entry: JournalEntry, sync: boolean): Promise<void> {
    if (this.readOnly) return;
    const line = formatJournalLine(entry);
    try {
      this.journal ??= await open(this.journalPath, 'a');
      await this.journal.write(line);
      if (sync) await this.journal.datasync();
    } catch (e) {
      // A torn last line would make the next open distrust the whole journal (a full
      // rebuild): cut it off so the journal stays what it was before this entry.
      await this.journal?.truncate(this.journalBytes).catch(() => undefined);
      throw diskFullOr(e, this.journalPath);
    }
    this.journalBytes += Buffer.byteLength(line);
  }

  /** The journal's text, or null when there is none. */
  private async readJournal(): Promise<string | null> {
    try {
      const text = await readFile(this.journalPath, 'utf8');
      this.journalBytes = (await stat(this.journalPath)).size;
      return text;
    } catch {
      return null;
    }
  }

  /** Applies the journal; ids begun but never finished must be re-read from their files. */
  private replayJournal(text: string | null): {
    pending: Set<string>;
    clean: boolean;
    /** Whether an id was added or removed (sorted orders saved with the snapshot then fail). */
    changed: boolean;
  } {
    const pending = new Set<string>();
    let changed = false;
    if (text === null) return { pending, clean: true, changed };
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      const entry = parseJournalLine(line);
      if (!entry) return { pending, clean: false, changed: true };
      if (entry.t === 'begin') for (const id of entry.ids) pending.add(id);
      else if (entry.t === 'put') {
        for (const r of entry.recs) {
          changed ||= !this.records.has(r.id);
          this.records.set(r.id, r);
          pending.delete(r.id);
        }
      } else {
        for (const id of entry.ids) {
          changed = this.records.delete(id) || changed;
          pending.delete(id);
        }
      }
    }
    return { pending, clean: true, changed };
  }
}
