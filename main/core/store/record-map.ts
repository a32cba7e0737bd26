// The catalogue's records by id. Those loaded from the snapshot are built from its columns the
// first time they are read: a cold `list` shows 20 articles and a cold `search` 20 hits, and
// building all 10,000 or 100,000 records first (most then alive until exit, so copied by every
// garbage collection) was much of their time (docs/benchmarks.md, "Cold command line").
// Anything that walks every record (values, entries, forEach) builds the rest once, after which
// this is a plain Map underneath.
import type { ArticleRecord } from './article-file';
import type { SnapshotRows } from './snapshot-columns';

/** A Map of records whose snapshot rows are built on first use; iteration order as a Map's. */
export class RecordMap implements Map<string, ArticleRecord> {
  // While some rows are unbuilt: record, or row number in `rows`. Null once all are built.
  private mixed: Map<string, ArticleRecord | number> | null = null;
  private rows: SnapshotRows | null = null;
  private unbuiltRows = 0;
  private built = new Map<string, ArticleRecord>();

  /** Takes every row of a snapshot, unbuilt; only on an empty map (a catalogue's load). */
  adopt(rows: SnapshotRows): void {
    if (this.size !== 0) throw new Error('RecordMap.adopt on a map that holds records');
    const mixed = new Map<string, ArticleRecord | number>();
    rows.ids.forEach((id, row) => mixed.set(id, row));
    this.unbuiltRows = mixed.size;
    if (this.unbuiltRows === 0) return;
    this.mixed = mixed;
    this.rows = rows;
  }

  /** The revision of every record (for the index's reconcile), building none. */
  revisions(): Map<string, number> {
    const revs = new Map<string, number>();
    this.revisionsView().forEach((rev, id) => revs.set(id, rev));
    return revs;
  }

  /**
   * The revision of every record, read through on each call, building none and copying
   * nothing: for a reader, whose records do not change while its index opens (the copy that
   * revisions() makes cost a cold search at 100,000 articles ~30 ms and its collection).
   */
  revisionsView(): {
    has(id: string): boolean;
    forEach(each: (rev: number, id: string) => void): void;
  } {
    return {
      has: (id) => this.has(id),
      forEach: (each) => {
        if (this.mixed === null) return this.built.forEach((r, id) => each(r.rev, id));
        const rows = this.rows!;
        // forEach, not for-of: no [key, value] pair is made per record.
        this.mixed.forEach((v, id) => each(typeof v === 'number' ? rows.rev(v) : v.rev, id));
      },
    };
  }

  /** Ids of the records in the trash, building none. */
  trashedIds(): string[] {
    const ids: string[] = [];
    if (this.mixed === null) {
      for (const r of this.built.values()) if (r.trashedAt !== null) ids.push(r.id);
      return ids;
    }
    const rows = this.rows!;
    this.mixed.forEach((v, id) => {
      if (typeof v === 'number' ? rows.trashed(v) : v.trashedAt !== null) ids.push(id);
    });
    return ids;
  }

  /**
   * The records that lack a source folder or a collection (articles from older versions),
   * built; the others are left unbuilt.
   */
  legacyRecords(): ArticleRecord[] {
    const out: ArticleRecord[] = [];
    if (this.mixed === null) {
      for (const r of this.built.values()) {
        if (r.sourceFolder === undefined || r.collection === undefined) out.push(r);
      }
      return out;
    }
    const rows = this.rows!;
    // Building a record replaces its row number in the map; forEach goes on in order.
    this.mixed.forEach((v, id) => {
      if (typeof v === 'number') {
        if (rows.legacy(v)) out.push(this.build(id, v));
      } else if (v.sourceFolder === undefined || v.collection === undefined) out.push(v);
    });
    return out;
  }

  /** How many records are not built yet (for tests and measurements). */
  get unbuilt(): number {
    return this.unbuiltRows;
  }

  get size(): number {
    return this.mixed?.size ?? this.built.size;
  }

  get(id: string): ArticleRecord | undefined {
    if (this.mixed === null) return this.built.get(id);
    const v = this.mixed.get(id);
    return typeof v === 'number' ? this.build(id, v) : v;
  }

  has(id: string): boolean {
    return (this.mixed ?? this.built).has(id);
  }

  set(id: string, record: ArticleRecord): this {
    if (this.mixed === null) {
      this.built.set(id, record);
      return this;
    }
    if (typeof this.mixed.get(id) === 'number') this.unbuiltRows--;
    this.mixed.set(id, record);
    this.settle();
    return this;
  }

  delete(id: string): boolean {
    if (this.mixed === null) return this.built.delete(id);
    if (typeof this.mixed.get(id) === 'number') this.unbuiltRows--;
    const had = this.mixed.delete(id);
    this.settle();
    return had;
  }

  clear(): void {
    this.mixed = null;
    this.rows = null;
    this.unbuiltRows = 0;
    this.built.clear();
  }

  keys(): MapIterator<string> {
    return (this.mixed ?? this.built).keys();
  }

  values(): MapIterator<ArticleRecord> {
    return this.all().values();
  }

  entries(): MapIterator<[string, ArticleRecord]> {
    return this.all().entries();
  }

  forEach(
    callback: (value: ArticleRecord, key: string, map: Map<string, ArticleRecord>) => void,
    thisArg?: unknown,
  ): void {
    this.all().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  [Symbol.iterator](): MapIterator<[string, ArticleRecord]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  /** Builds the record of an unbuilt row and keeps it, so every later read gets this object. */
  private build(id: string, row: number): ArticleRecord {
    const record = this.rows!.record(row);
    this.mixed!.set(id, record);
    this.unbuiltRows--;
    this.settle();
    return record;
  }

  /** Every record built, as a plain Map in the same order. */
  private all(): Map<string, ArticleRecord> {
    this.mixed?.forEach((v, id) => {
      if (typeof v === 'number') this.build(id, v);
    });
    return this.built;
  }

  /** Once no row is left unbuilt, moves everything to the plain Map (same order). */
  private settle(): void {
    if (this.mixed === null || this.unbuiltRows > 0) return;
    const built = new Map<string, ArticleRecord>();
    this.mixed.forEach((v, id) => {
      if (typeof v !== 'number') built.set(id, v);
    });
    this.built = built;
    this.mixed = null;
    this.rows = null;
  }
}
