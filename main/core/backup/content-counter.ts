// Counts what a library's article files hold (articles, trash, tags, highlights, …) from the
// bytes a backup or a restore has in hand, so both report contents without opening a library.
import { z } from 'zod';
import type { BackupContents } from '../../contract/backup';
import { tagKey } from '../library/tags';
import { articleRecordSchema } from '../store/article-file';

// Only the record is parsed: the original text (most of the file) is not decoded.
const articleFileRecord = z.looseObject({ record: articleRecordSchema });

/** True for the library-relative path of an article file. */
export const isArticlePath = (path: string): boolean =>
  path.startsWith('articles/') && path.endsWith('.json');

export class ContentCounter {
  private readonly tags = new Set<string>();
  private readonly counts = {
    articles: 0,
    trashed: 0,
    highlights: 0,
    notes: 0,
    favourites: 0,
    read: 0,
  };

  /** Counts one file (library-relative path); files other than articles, or damaged ones, count nothing. */
  add(path: string, bytes: Uint8Array): void {
    if (!isArticlePath(path)) return;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    } catch {
      // `check` names damaged article files; a backup keeps them as they are.
      return;
    }
    const parsed = articleFileRecord.safeParse(json);
    if (!parsed.success) return;
    const record = parsed.data.record;
    const c = this.counts;
    c.articles++;
    if (record.trashedAt !== null) c.trashed++;
    if (record.favourite) c.favourites++;
    if (record.read) c.read++;
    for (const tag of record.tags) this.tags.add(tagKey(tag));
    const highlights = record.highlights ?? [];
    c.highlights += highlights.length;
    c.notes += highlights.filter((h) => h.note.trim() !== '').length;
  }

  /** The totals so far. */
  contents(): BackupContents {
    return { ...this.counts, tags: this.tags.size };
  }
}
