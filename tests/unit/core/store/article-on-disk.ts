// Test helpers that look at and tamper with an article as it lies on disk, wherever the store
// keeps it (a pack record, or a file of its own in a library from before packs).
import { existsSync, openSync, readFileSync, closeSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { RECORD_HEADER_BYTES } from '../../../../main/core/store/article-pack';
import { legacyPathOf } from '../../../../main/core/store/legacy-article-files';
import { PackSet } from '../../../../main/core/store/pack-set';

const packsOf = (dir: string) => new PackSet(join(dir, 'articles'), () => Promise.resolve());

/** The article-file JSON of an article's newest version; null when it has none. */
export async function articleText(dir: string, id: string): Promise<string | null> {
  const packed = await packsOf(dir).read(id);
  if (packed !== undefined) return packed && packed.text;
  const own = legacyPathOf(join(dir, 'articles'), id);
  return existsSync(own) ? readFileSync(own, 'utf8') : null;
}

/** The newest version's JSON, parsed (for tests that look at fields). */
export async function articleJson(
  dir: string,
  id: string,
): Promise<{
  format: number;
  record: Record<string, unknown> & { rev: number };
  original: string;
}> {
  const text = await articleText(dir, id);
  if (text === null) throw new Error(`no article ${id} in ${dir}`);
  return JSON.parse(text) as never;
}

/** Stores `text` as the article's newest version, with a valid checksum whatever it holds. */
export async function setArticleText(dir: string, id: string, text: string): Promise<void> {
  await packsOf(dir).append([{ id, kind: 'article', payload: Buffer.from(text, 'utf8') }]);
}

/** True when the store lists the article. */
export async function hasArticle(dir: string, id: string): Promise<boolean> {
  return (await new ArticleStore(dir).listIds()).includes(id);
}

/** Flips one byte of the article's newest record, so that its checksum no longer matches. */
export async function damageArticleRecord(dir: string, id: string): Promise<string> {
  const store = new ArticleStore(dir);
  await store.listIds();
  const location = store.pathOf(id);
  const [path, hash] = location.split('#');
  if (!hash) throw new Error(`article ${id} is not in a pack`);
  const offset = await recordOffset(path!, id);
  const fd = openSync(path!, 'r+');
  try {
    const byte = Buffer.alloc(1);
    const at = offset + RECORD_HEADER_BYTES + 20;
    readSync(fd, byte, 0, 1, at);
    byte[0] = byte[0]! ^ 0xff;
    writeSync(fd, byte, 0, 1, at);
  } finally {
    closeSync(fd);
  }
  return location;
}

/** Offset of the last article record of `id` in a pack. */
async function recordOffset(path: string, id: string): Promise<number> {
  const bytes = readFileSync(path);
  // The record header: its magic, the kind "article", three spare bytes, then the id.
  const head = Buffer.concat([Buffer.from([0x00, 0x41, 0x52, 0xec, 1, 0, 0, 0]), Buffer.from(id)]);
  const at = bytes.lastIndexOf(head);
  if (at < 0) throw new Error(`no record of ${id} in ${path}`);
  return at;
}
