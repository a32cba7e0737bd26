// The article files: articles/<first two hex digits>/<id>.json, the source of truth.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { decodeArticleFile, encodeArticleFile, type StoredArticle } from './article-file';
import { fsyncDir, sweepTempFiles, writeFilesAtomic } from './atomic-write';

const ID_FILE = /^([0-9a-f]{16})\.json$/;

/** Reads and writes article files under `<library>/articles`. */
export class ArticleStore {
  readonly root: string;

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
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return decodeArticleFile(text, id);
  }

  /** Writes (or replaces) articles durably, with one fsync per file and per folder. */
  async write(articles: StoredArticle[]): Promise<void> {
    if (articles.length === 0) return;
    const dirs = new Set(articles.map((a) => join(this.root, a.record.id.slice(0, 2))));
    await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
    await writeFilesAtomic(
      articles.map((a) => ({ path: this.pathOf(a.record.id), data: encodeArticleFile(a) })),
    );
  }

  /** Deletes article files for good and syncs their folders. */
  async delete(ids: string[]): Promise<void> {
    const dirs = new Set<string>();
    for (const id of ids) {
      await unlink(this.pathOf(id)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      dirs.add(join(this.root, id.slice(0, 2)));
    }
    for (const dir of dirs) await fsyncDir(dir);
  }

  /** Every article id that has a file, read from the folder listings only. */
  async listIds(): Promise<string[]> {
    const shards = await this.shards();
    const listings = await Promise.all(shards.map((s) => readdir(join(this.root, s))));
    const ids: string[] = [];
    listings.forEach((names, i) => {
      const shard = shards[i]!;
      for (const name of names) {
        if (name.length === 21 && name.startsWith(shard) && ID_FILE.test(name))
          ids.push(name.slice(0, 16));
      }
    });
    return ids;
  }

  /** Removes temp files a crash left in the article folders. */
  async sweep(): Promise<number> {
    const shards = await this.shards();
    return sweepTempFiles([this.root, ...shards.map((s) => join(this.root, s))]);
  }

  private async shards(): Promise<string[]> {
    try {
      return (await readdir(this.root)).filter((n) => /^[0-9a-f]{2}$/.test(n));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }
}
