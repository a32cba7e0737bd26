// Counts what a library's articles hold (articles, trash, tags, highlights, …) from the bytes a
// backup or a restore has in hand, so both report contents without opening a library.
import { z } from 'zod';
import type { BackupContents } from '../../contract/backup';
import { tagKey } from '../library/tags';
import { articleRecordSchema, type ArticleRecord } from '../store/article-file';
import { PACK_HEADER_BYTES, RECORD_HEADER_BYTES, scanRecords } from '../store/article-pack';

// Only the record is parsed: the original text (most of the file) is not decoded.
const articleFileRecord = z.looseObject({ record: articleRecordSchema });

const PACK_PATH = /^articles\/packs\/(\d+)\.pack$/;

/** True for the library-relative path of an article file or an article pack. */
export const isArticlePath = (path: string): boolean =>
  path.startsWith('articles/') && (path.endsWith('.json') || PACK_PATH.test(path));

interface Seen {
  /** Pack number and offset of the record; files of their own rank below every pack. */
  pack: number;
  offset: number;
  record: ArticleRecord | null;
}

export class ContentCounter {
  private readonly newest = new Map<string, Seen>();

  /** Counts one file (library-relative path); files other than articles, or damaged ones, count nothing. */
  add(path: string, bytes: Uint8Array): void {
    if (!isArticlePath(path)) return;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const pack = PACK_PATH.exec(path);
    if (!pack) {
      const record = parseRecord(buf);
      if (record) this.see(record.id, { pack: 0, offset: 0, record });
      return;
    }
    // Newest wins across packs as when the library opens; a torn tail is no article.
    const scan = scanRecords(buf.subarray(PACK_HEADER_BYTES), PACK_HEADER_BYTES);
    for (const e of scan.entries) {
      if (e.kind === 'damaged') continue;
      const at = { pack: Number(pack[1]), offset: e.offset };
      if (e.kind === 'tombstone') this.see(e.id, { ...at, record: null });
      else {
        const payload = buf.subarray(e.offset + RECORD_HEADER_BYTES, e.offset + e.length);
        this.see(e.id, { ...at, record: parseRecord(payload) });
      }
    }
  }

  private see(id: string, seen: Seen): void {
    const before = this.newest.get(id);
    if (
      before &&
      (before.pack > seen.pack || (before.pack === seen.pack && before.offset > seen.offset))
    ) {
      return;
    }
    this.newest.set(id, seen);
  }

  /** The totals so far. */
  contents(): BackupContents {
    const c = { articles: 0, trashed: 0, highlights: 0, notes: 0, favourites: 0, read: 0 };
    const tags = new Set<string>();
    for (const { record } of this.newest.values()) {
      if (!record) continue;
      c.articles++;
      if (record.trashedAt !== null) c.trashed++;
      if (record.favourite) c.favourites++;
      if (record.read) c.read++;
      for (const tag of record.tags) tags.add(tagKey(tag));
      const highlights = record.highlights ?? [];
      c.highlights += highlights.length;
      c.notes += highlights.filter((h) => h.note.trim() !== '').length;
    }
    return { ...c, tags: tags.size };
  }
}

/** The record of an article file's JSON; null when it is damaged (`check` names those). */
function parseRecord(bytes: Buffer): ArticleRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = articleFileRecord.safeParse(json);
  return parsed.success ? parsed.data.record : null;
}
