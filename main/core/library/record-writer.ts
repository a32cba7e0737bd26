// Every change to article files goes through here, one at a time, following the journal
// protocol: begin (synced) -> write or delete files (synced) -> put/del in the catalogue.
import type { LibraryChange } from '../engine';
import type { PendingArticle } from '../import/pipeline';
import type { IndexDoc, SearchIndexApi } from '../search/types';
import type { ArticleRecord, StoredArticle } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import type { Catalog } from '../store/catalog';
import { cleanArticle } from '../text/parse-article';
import { sourceTextOf } from '../html/source-text';
import { toIndexDoc } from './article-text';
import { GarbageGuard } from './garbage-guard';
import { IndexFeed } from './index-feed';
import { trashedIds } from './purge';
import { SerialQueue } from './serial-queue';
import { storedInOrder } from './stored-in-order';

/** A change to one record; null leaves the article alone. */
export type RecordEdit = (r: ArticleRecord) => Partial<ArticleRecord> | null;

/** Bulk edits are written (and fsynced) in chunks of this many articles. */
export const WRITE_CHUNK = 256;

/** Serialised writes of article files and the catalogue. */
export class RecordWriter {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly index: () => Promise<SearchIndexApi>,
    private readonly emit: (change: LibraryChange) => void,
  ) {}

  /** Runs a task after every write queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /** Resolves when no write is queued or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Writes a chunk of new articles durably, then adds them to the catalogue. */
  commitImport(chunk: PendingArticle[]): Promise<PendingArticle[]> {
    return this.run(async () => {
      // Another import may have added the same article since this chunk was prepared.
      const fresh = chunk.filter((p) => !this.catalog.records.has(p.article.record.id));
      if (fresh.length === 0) return fresh;
      const ids = fresh.map((p) => p.article.record.id);
      await this.catalog.begin(ids);
      try {
        await this.store.write(fresh.map((p) => p.article));
        await this.catalog.put(fresh.map((p) => p.article.record));
      } catch (e) {
        // These articles are reported failed, so none of their files may stay (a batch can
        // fail after some were renamed into place); the journalled begin makes a reopen
        // drop any that a crash here leaves. The write's own error is the one to report.
        await this.store.delete(ids).catch(() => undefined);
        throw e;
      }
      await this.catalog.maybeCompact();
      return fresh;
    });
  }

  /**
   * Applies `edit` to each article, rewriting changed files atomically and mirroring them in
   * the catalogue. Tag and highlight edits bump `rev` and are sent to the index. Returns the
   * changed ids.
   *
   * Thousands of articles ("select all, add tag") are read in the order they lie on disk and
   * written a chunk at a time (each chunk journalled, then synced, then put in the catalogue),
   * while the index builds the chunks before on its workers (index-feed.ts): only a few
   * chunks' texts are held at once, and the call resolves once the index has them all.
   */
  update(ids: string[], edit: RecordEdit, reason: LibraryChange['reason']): Promise<string[]> {
    return this.run(async () => {
      const wanted = [...new Set(ids)].filter((id) => this.wants(id, edit));
      const order = wanted.length > 1 ? await this.store.diskOrder(wanted) : wanted;
      const feed = new IndexFeed(this.index);
      const changed: string[] = [];
      const failed = await this.writeChunks(order, edit, feed, changed).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      // What was written reaches the index (and is told) even when a later chunk failed.
      const unindexed = await feed.settle().then(
        () => null,
        (error: unknown) => ({ error }),
      );
      if (changed.length) this.emit({ reason, ids: changed });
      const failure = failed ?? unindexed;
      if (failure) throw failure.error;
      await this.catalog.maybeCompact();
      return changed;
    });
  }

  /** Rewrites the articles a chunk at a time; each chunk's index documents go to `feed`. */
  private async writeChunks(
    order: readonly string[],
    edit: RecordEdit,
    feed: IndexFeed,
    changed: string[],
  ): Promise<void> {
    // Each chunk's decoded originals and texts are garbage once written (garbage-guard.ts).
    const garbage = new GarbageGuard();
    for (let i = 0; i < order.length; i += WRITE_CHUNK) {
      const part = order.slice(i, i + WRITE_CHUNK);
      await this.catalog.begin(part);
      const updated: StoredArticle[] = [];
      const docs: IndexDoc[] = [];
      for await (const stored of storedInOrder(this.store, part)) {
        // A file from before collections has none; the catalogue's was derived on open.
        if (stored.record.collection === undefined) {
          const known = this.catalog.records.get(stored.record.id)?.collection;
          if (known !== undefined) stored.record.collection = known;
        }
        const patch = edit(stored.record);
        if (!patch) continue;
        const record: ArticleRecord = { ...stored.record, ...patch };
        if (patch.tags || patch.highlights) {
          record.rev = stored.record.rev + 1;
          docs.push(toIndexDoc(record, cleanArticle(sourceTextOf(stored)).body));
        }
        updated.push({ record, original: stored.original });
      }
      await this.store.write(updated);
      await this.catalog.put(updated.map((u) => u.record));
      for (const u of updated) changed.push(u.record.id);
      await feed.add(docs);
      garbage.check();
    }
  }

  private wants(id: string, edit: RecordEdit): boolean {
    const r = this.catalog.records.get(id);
    return r !== undefined && edit(r) !== null;
  }

  /** Deletes the files of every trashed article for good. */
  emptyTrash(): Promise<{ removed: number }> {
    return this.deleteForGood(() =>
      [...this.catalog.records.values()].filter((r) => r.trashedAt !== null).map((r) => r.id),
    );
  }

  /** Deletes these trashed articles for good; refuses ids that are not in the trash. */
  purge(ids: readonly string[]): Promise<{ removed: number }> {
    // Checked in the queue, so an article restored by a write queued earlier is refused.
    return this.deleteForGood(() => trashedIds(this.catalog.records, ids));
  }

  private deleteForGood(pick: () => string[]): Promise<{ removed: number }> {
    return this.run(async () => {
      const ids = pick();
      if (ids.length === 0) return { removed: 0 };
      await this.catalog.begin(ids);
      await this.store.delete(ids);
      await this.catalog.remove(ids);
      await this.catalog.maybeCompact();
      await (await this.index()).remove(ids);
      this.emit({ reason: 'trash', ids });
      return { removed: ids.length };
    });
  }
}
