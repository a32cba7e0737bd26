// Article files as libraries of format 1 keep them, one per article:
// articles/<first two hex digits>/<id>.json. They are still read (newer records in packs win)
// and removed when their article is rewritten or deleted; nothing new is written this way.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../errno';
import { decodeArticleFile, encodeArticleFile, type StoredArticle } from './article-file';
import { fsyncDir, isTempName, writeFilesAtomic } from './atomic-write';

const ID_FILE = /^([0-9a-f]{16})\.json$/;
const SHARD = /^[0-9a-f]{2}$/;

/** Path of one article's own file under `root` (the library's articles folder). */
export function legacyPathOf(root: string, id: string): string {
  return join(root, id.slice(0, 2), `${id}.json`);
}

/** Reads one article file; null when there is none, throws when it is damaged. */
export async function readLegacyArticle(root: string, id: string): Promise<StoredArticle | null> {
  let text: string;
  try {
    text = await readFile(legacyPathOf(root, id), 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
  return decodeArticleFile(text, id);
}

/** Writes articles as files of their own, as format 1 did (kept to test upgrades). */
export async function writeLegacyArticles(root: string, articles: StoredArticle[]): Promise<void> {
  const dirs = new Set(articles.map((a) => join(root, a.record.id.slice(0, 2))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await writeFilesAtomic(
    articles.map((a) => ({ path: legacyPathOf(root, a.record.id), data: encodeArticleFile(a) })),
  );
}

/** Removes these articles' files, if they have any, and syncs the folders that changed. */
export async function deleteLegacyArticles(root: string, ids: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const id of ids) {
    try {
      await unlink(legacyPathOf(root, id));
      dirs.add(join(root, id.slice(0, 2)));
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw e;
    }
  }
  for (const dir of dirs) await fsyncDir(dir);
}

/**
 * Ids of every article file, from the folder listings only; temp files a crash left are
 * returned in `temps` when asked for.
 */
export async function listLegacyIds(
  root: string,
  top: readonly string[],
  sweep: boolean,
): Promise<{ ids: string[]; temps: string[] }> {
  const shards = top.filter((n) => SHARD.test(n));
  const listings = await Promise.all(shards.map((s) => namesIn(join(root, s))));
  const ids: string[] = [];
  const temps: string[] = [];
  listings.forEach((names, i) => {
    const shard = shards[i]!;
    for (const name of names) {
      if (name.length === 21 && name.startsWith(shard) && ID_FILE.test(name))
        ids.push(name.slice(0, 16));
      else if (sweep && isTempName(name)) temps.push(join(root, shard, name));
    }
  });
  return { ids, temps };
}

/** The shard folders among the names of the articles folder. */
export const legacyShards = (top: readonly string[]): string[] => top.filter((n) => SHARD.test(n));

/** The names in a folder; none when it does not exist. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
}
