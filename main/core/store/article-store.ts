// The articles of a library, the source of truth: records in append-only packs
// (articles/packs/<number>.pack, see pack-set.ts), and in libraries from before packs, one
// file per article (articles/<first two hex digits>/<id>.json), read until rewritten.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeArticleFile, encodeArticleFile, type StoredArticle } from './article-file';
import { isTempName, sweepTempFiles } from './atomic-write';
import {
  deleteLegacyArticles,
  legacyPathOf,
  legacyShards,
  listLegacyIds,
  namesIn,
  readLegacyArticle,
} from './legacy-article-files';
import { upgradeManifest } from './manifest';
import { PackSet, type PackProblem, type ReadInOrder } from './pack-set';

/** Reads and writes the articles under `<library>/articles`. */
export class ArticleStore {
  readonly root: string;
  private readonly packs: PackSet;
  /** Ids with a file of their own, as last listed; null until listed. */
  private legacy: Set<string> | null = null;

  constructor(libraryDir: string) {
    this.root = join(libraryDir, 'articles');
    this.packs = new PackSet(this.root, () => upgradeManifest(libraryDir));
  }

  /**
   * Where an article lies, for messages: "…/articles/packs/000012.pack#<id>", or the path of
   * its own file in a library from before packs.
   */
  pathOf(id: string): string {
    return this.packs.locationOf(id) ?? legacyPathOf(this.root, id);
  }

  /** Reads one article; null when it does not exist, throws when it is damaged. */
  async read(id: string): Promise<StoredArticle | null> {
    const packed = await this.packs.read(id);
    if (packed !== undefined) return packed && decodeArticleFile(packed.text, id);
    const own = await readLegacyArticle(this.root, id);
    if (own) return own;
    // Written by another process since the packs were read?
    const late = await this.packs.read(id, true);
    return late ? decodeArticleFile(late.text, id) : null;
  }

  /** `ids` in the order their articles lie on disk: a walk in this order reads sequentially. */
  diskOrder(ids: readonly string[]): Promise<string[]> {
    return this.packs.packOrder(ids);
  }

  /**
   * The stored bytes of articles (the article file's JSON, for decodeArticleFile), read in
   * large sequential reads, a batch at a time in the given order. Null bytes: read that
   * article alone with read(), which says what is wrong with it or finds it elsewhere.
   */
  readRaw(ids: readonly string[]): AsyncGenerator<ReadInOrder[]> {
    return this.packs.readInOrder(ids);
  }

  /** Closes the files held open for reading (reads after this open their own). */
  close(): Promise<void> {
    return this.packs.close();
  }

  /** Writes (or replaces) articles durably: one append and one fsync for all of them. */
  async write(articles: StoredArticle[]): Promise<void> {
    if (articles.length === 0) return;
    await this.packs.append(
      articles.map((a) => ({
        id: a.record.id,
        kind: 'article',
        payload: Buffer.from(encodeArticleFile(a), 'utf8'),
      })),
    );
    // The packed record wins over an older file of its own, which can now go.
    const legacy = this.legacy;
    if (!legacy || legacy.size === 0) return;
    const replaced = articles.map((a) => a.record.id).filter((id) => legacy.has(id));
    if (replaced.length === 0) return;
    await deleteLegacyArticles(this.root, replaced).catch(() => undefined);
    for (const id of replaced) legacy.delete(id);
  }

  /** Deletes articles for good, durably. */
  async delete(ids: string[]): Promise<void> {
    // Own files go first: a tombstone may be compacted away, and must not uncover a file.
    if (this.legacy === null || this.legacy.size > 0) {
      await deleteLegacyArticles(this.root, ids);
      for (const id of ids) this.legacy?.delete(id);
    }
    await this.packs.remove(ids);
  }

  /**
   * Every article id, from the packs' indexes and the folder listings; with `sweep` (the
   * library's writer), temp files a crash left are removed and torn pack tails cut off.
   */
  async listIds(options: { sweep?: boolean } = {}): Promise<string[]> {
    const sweep = options.sweep ?? false;
    const top = await namesIn(this.root);
    const [own] = await Promise.all([
      listLegacyIds(this.root, top, sweep),
      this.packs.refresh(sweep),
    ]);
    if (sweep) {
      const temps = [...own.temps, ...top.filter(isTempName).map((n) => join(this.root, n))];
      await sweepTempFiles([this.packs.dir]);
      await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)));
    }
    this.legacy = new Set(own.ids);
    const ids = this.packs.liveIds();
    for (const id of own.ids) if (!this.packs.has(id)) ids.push(id);
    // slice() made each file-name id a view into its name, and V8 hashes and compares such
    // strings 3-5 times slower as Set/Map keys; one JSON.parse of the (hex) ids makes flat copies.
    return ids.length ? (JSON.parse(`["${ids.join('","')}"]`) as string[]) : ids;
  }

  /** Removes temp files a crash left in the article folders. */
  async sweep(): Promise<number> {
    const shards = legacyShards(await namesIn(this.root));
    return sweepTempFiles([this.root, this.packs.dir, ...shards.map((s) => join(this.root, s))]);
  }

  /** Damaged records that name no article, and damaged pack headers, as last read. */
  damaged(): PackProblem[] {
    return this.packs.problems();
  }
}
