// Collections across the library: counts, rename and merge (each with a snapshot for undo).
import type { CollectionCount, CollectionSnapshot } from '../../contract/organise';
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type { Catalog } from '../store/catalog';
import { assertId } from '../library/ids';
import { collectionKey } from './collection-name';
import { nameCollator } from '../text/name-collator';

type Update = (
  ids: string[],
  edit: (r: ArticleRecord) => Partial<ArticleRecord> | null,
) => Promise<string[]>;

/** Collection edits over the catalogue; writes go through the engine's `update`. */
export class Collections {
  constructor(
    private readonly catalog: Catalog,
    private readonly update: Update,
    private readonly checkWritable: () => void,
  ) {}

  /** Every collection with how many articles outside the trash it holds, by name. */
  list(): CollectionCount[] {
    const counts = new Map<string, CollectionCount>();
    for (const r of this.catalog.records.values()) {
      if (!r.collection || r.trashedAt !== null) continue;
      const key = collectionKey(r.collection);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { name: r.collection, count: 1 });
    }
    return [...counts.values()].sort((a, b) => nameCollator().compare(a.name, b.name));
  }

  /**
   * Renames a collection on every article (the trash too); into a collection that exists it
   * is a merge, and takes that one's spelling. NOT_FOUND when no article is in `from`.
   */
  async rename(from: string, to: string): Promise<CollectionSnapshot> {
    this.checkWritable();
    const source = collectionKey(from);
    const target = to.normalize('NFC').trim();
    if (target === '') throw new ArchiveError('BAD_ARGUMENT', 'The new name is empty.');
    const ids = this.idsIn(source);
    if (ids.length === 0) {
      throw new ArchiveError('NOT_FOUND', `No article is in the collection "${from}".`);
    }
    // A case-only rename changes the spelling; a merge keeps the spelling already in use.
    const display = collectionKey(target) === source ? target : (this.spelling(target) ?? target);
    const snapshot = this.snapshot(ids);
    await this.update(ids, (r) =>
      r.collection && collectionKey(r.collection) === source && r.collection !== display
        ? { collection: display }
        : null,
    );
    return snapshot;
  }

  /** Puts back the collections a snapshot holds; articles deleted since are skipped. */
  async restore(snapshot: CollectionSnapshot): Promise<void> {
    this.checkWritable();
    const wanted = new Map<string, string | null>();
    for (const entry of snapshot.entries) {
      assertId(entry.id);
      wanted.set(entry.id, entry.collection);
    }
    const ids = [...wanted.keys()].filter((id) => this.catalog.records.has(id));
    await this.update(ids, (r) => {
      const collection = wanted.get(r.id);
      return collection === undefined || collection === r.collection ? null : { collection };
    });
  }

  private idsIn(key: string): string[] {
    const ids: string[] = [];
    for (const r of this.catalog.records.values()) {
      if (r.collection && collectionKey(r.collection) === key) ids.push(r.id);
    }
    return ids;
  }

  private spelling(name: string): string | undefined {
    const key = collectionKey(name);
    for (const r of this.catalog.records.values()) {
      if (r.collection && collectionKey(r.collection) === key) return r.collection;
    }
    return undefined;
  }

  private snapshot(ids: string[]): CollectionSnapshot {
    return {
      entries: ids.map((id) => ({
        id,
        collection: this.catalog.records.get(id)?.collection ?? null,
      })),
    };
  }
}
