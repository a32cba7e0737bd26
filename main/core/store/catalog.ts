// The metadata catalogue: every article's record in memory, persisted as a snapshot plus an
// append-only journal so that one change never rewrites the whole file.
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRecord } from './article-file';
import type { ArticleStore } from './article-store';
import { readSnapshot, writeSnapshot } from './catalog-snapshot';
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
}

// Past this size the journal is folded into a new snapshot, so replay on open stays quick.
const COMPACT_JOURNAL_BYTES = 16 * 1024 * 1024;
// On close a smaller journal is folded in too, but a few edits never rewrite the snapshot.
const COMPACT_ON_CLOSE_BYTES = 1024 * 1024;

/** In-memory records mirrored to disk; all writes go through begin/put/remove. */
export class Catalog {
  readonly records = new Map<string, ArticleRecord>();
  private readonly trashed = new Set<string>();
  private journal: FileHandle | null = null;
  private journalBytes = 0;
  private membershipVersion = 0;

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
    // The folder listing and the snapshot read overlap: both are on the cold-open path.
    const [snapshot, diskIds] = await Promise.all([
      readSnapshot(catalog.snapshotPath),
      store.listIds(),
    ]);
    for (const r of snapshot ?? []) catalog.records.set(r.id, r);
    const { pending, clean } = await catalog.replayJournal();
    const problems: CatalogProblem[] = [];
    const onDisk = new Set(diskIds);
    // A damaged journal line may hide later changes, so every file is read again then.
    const fullScan = snapshot === null || !clean;
    const put: ArticleRecord[] = [];
    const del = [...pending].filter((id) => !onDisk.has(id));
    for (const id of catalog.records.keys()) {
      if (!onDisk.has(id)) del.push(id);
    }
    for (const id of del) catalog.records.delete(id);
    for (const id of onDisk) {
      if (!fullScan && catalog.records.has(id) && !pending.has(id)) continue;
      try {
        const article = await store.read(id);
        if (article) {
          catalog.records.set(id, article.record);
          put.push(article.record);
        }
      } catch (e) {
        catalog.records.delete(id);
        problems.push({ path: store.pathOf(id), reason: (e as Error).message });
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
    for (const r of catalog.records.values()) if (r.trashedAt !== null) catalog.trashed.add(r.id);
    return { catalog, problems, rebuilt: snapshot === null };
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
  async put(records: ArticleRecord[]): Promise<void> {
    for (const r of records) {
      if (!this.records.has(r.id)) this.membershipVersion++;
      this.records.set(r.id, r);
      if (r.trashedAt !== null) this.trashed.add(r.id);
      else this.trashed.delete(r.id);
    }
    await this.append({ t: 'put', recs: records }, false);
  }

  /** Forgets records (after their files were deleted). */
  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.records.delete(id)) this.membershipVersion++;
      this.trashed.delete(id);
    }
    await this.append({ t: 'del', ids }, false);
  }

  /** Folds the journal into the snapshot when it has grown large. */
  async maybeCompact(): Promise<void> {
    if (this.journalBytes > COMPACT_JOURNAL_BYTES) await this.compact();
  }

  /** Writes a fresh snapshot and empties the journal. */
  async compact(): Promise<void> {
    if (this.readOnly) return;
    await writeSnapshot(this.snapshotPath, this.records.values());
    // Replaying an old journal over the new snapshot is harmless (entries are idempotent),
    // so a crash between these two steps loses nothing.
    await this.journal?.close();
    this.journal = await open(this.journalPath, 'w');
    await this.journal.sync();
    this.journalBytes = 0;
  }

  /** Closes the journal, folding it into the snapshot first when it has grown. */
  async close(): Promise<void> {
    if (!this.readOnly && this.journalBytes > COMPACT_ON_CLOSE_BYTES) await this.compact();
    await this.journal?.close();
    this.journal = null;
  }

  private async append(entry: JournalEntry, sync: boolean): Promise<void> {
    if (this.readOnly) return;
    this.journal ??= await open(this.journalPath, 'a');
    const line = formatJournalLine(entry);
    await this.journal.write(line);
    this.journalBytes += Buffer.byteLength(line);
    if (sync) await this.journal.datasync();
  }

  /** Applies the journal; ids begun but never finished must be re-read from their files. */
  private async replayJournal(): Promise<{ pending: Set<string>; clean: boolean }> {
    const pending = new Set<string>();
    let text: string;
    try {
      text = await readFile(this.journalPath, 'utf8');
      this.journalBytes = (await stat(this.journalPath)).size;
    } catch {
      return { pending, clean: true };
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      const entry = parseJournalLine(line);
      if (!entry) return { pending, clean: false };
      if (entry.t === 'begin') for (const id of entry.ids) pending.add(id);
      else if (entry.t === 'put') {
        for (const r of entry.recs) {
          this.records.set(r.id, r);
          pending.delete(r.id);
        }
      } else {
        for (const id of entry.ids) {
          this.records.delete(id);
          pending.delete(id);
        }
      }
    }
    return { pending, clean: true };
  }
}
