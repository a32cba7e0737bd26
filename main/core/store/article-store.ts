// The article files: articles/<first two hex digits>/<id>.json, the source of truth.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { isErrno } from '../errno';
import { decodeArticleFile, encodeArticleFile, type StoredArticle } from './article-file';
import { fsyncDir, isTempName, sweepTempFiles, writeFilesAtomic } from './atomic-write';

const ID_FILE = /^([0-9a-f]{16})\.json$/;
const SHARD = /^[0-9a-f]{2}$/;

/** Reads and writes article files under `<library>/articles`. */
export class ArticleStore {
  readonly root: string;
  private readonly madeDirs = new Set<string>();

  constructor(libraryDir: string) {
    this.root = join(libraryDir, 'articles');
  }

  /** Path of one article's file. */
  pathOf(id: string): string {
    return join(this.root, id.slice(0, 2), `${id}.json`);
  }

  /** Reads one article; null when the file does not exist, throws when it is damaged. */
  async read(id: string): Promise<StoredArticle | null> {
    let text: string;
    try {
      text = await readFile(this.pathOf(id), 'utf8');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    }
    return decodeArticleFile(text, id);
  }

  /** Writes (or replaces) articles durably, with one fsync per file and per folder. */
  async write(articles: StoredArticle[]): Promise<void> {
    if (articles.length === 0) return;
    // Shard folders are never removed while the library is open: each is made once.
    const dirs = new Set(articles.map((a) => join(this.root, a.record.id.slice(0, 2))));
    const missing = [...dirs].filter((dir) => !this.madeDirs.has(dir));
    await Promise.all(missing.map((dir) => mkdir(dir, { recursive: true })));
    for (const dir of missing) this.madeDirs.add(dir);
    await writeFilesAtomic(
      articles.map((a) => ({ path: this.pathOf(a.record.id), data: encodeArticleFile(a) })),
    );
  }

  /** Deletes article files for good and syncs their folders. */
  async delete(ids: string[]): Promise<void> {
    const dirs = new Set<string>();
    for (const id of ids) {
      await unlink(this.pathOf(id)).catch((e: unknown) => {
        if (!isErrno(e, 'ENOENT')) throw e;
      });
      dirs.add(join(this.root, id.slice(0, 2)));
    }
    for (const dir of dirs) await fsyncDir(dir);
  }

  /**
   * Every article id that has a file, read from the folder listings only; with `sweep`, temp
   * files a crash left are removed in the same pass (a second walk of 256 folders cost ~100 ms
   * of a cold open).
   */
  async listIds(options: { sweep?: boolean } = {}): Promise<string[]> {
    const sweep = options.sweep ?? false;
    const top = await this.names(this.root);
    const shards = top.filter((n) => SHARD.test(n));
    const listings = await Promise.all(shards.map((s) => this.names(join(this.root, s))));
    const ids: string[] = [];
    const temps: string[] = [];
    if (sweep) for (const n of top) if (isTempName(n)) temps.push(join(this.root, n));
    listings.forEach((names, i) => {
      const shard = shards[i]!;
      for (const name of names) {
        if (name.length === 21 && name.startsWith(shard) && ID_FILE.test(name))
          ids.push(name.slice(0, 16));
        else if (sweep && isTempName(name)) temps.push(join(this.root, shard, name));
      }
    });
    await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)));
    // slice() made each id a view into its file name, and V8 hashes and compares such strings
    // 3-5 times slower as Set/Map keys; one JSON.parse of the (hex) ids makes flat copies.
    return ids.length ? (JSON.parse(`["${ids.join('","')}"]`) as string[]) : ids;
  }

  /** Removes temp files a crash left in the article folders. */
  async sweep(): Promise<number> {
    const shards = await this.shards();
    return sweepTempFiles([this.root, ...shards.map((s) => join(this.root, s))]);
  }

  private async names(dir: string): Promise<string[]> {
    try {
      return await readdir(dir);
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return [];
      throw e;
    }
  }

  private async shards(): Promise<string[]> {
    return (await this.names(this.root)).filter((n) => SHARD.test(n));
  }
}
