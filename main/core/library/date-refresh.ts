// Article dates found again on reindex: records keep the date import found, and the date
// finder improves (new forms, calendars, languages), so a reindex, which reads every article
// file anyway, lets an existing library catch up. Only the articles whose date changed are
// rewritten. A saved web page keeps the date its metadata gave at import.
import { webPageKindOf } from '../html/web-page-kind';
import type { ArticleRecord } from '../store/article-file';
import { articleDateOf } from '../text/article-date';
import type { CleanArticle } from '../text/parse-article';
import type { RecordEdit } from './record-writer';

/** The date the current finder gives an article; undefined for a web page (never refreshed). */
export function dateFoundAgain(
  record: ArticleRecord,
  text: string,
  clean: CleanArticle,
): string | null | undefined {
  if (webPageKindOf(record.sourceName) !== null) return undefined;
  return articleDateOf(text, clean, record.language);
}

export class DateRefresh {
  private readonly changed = new Map<string, string | null>();

  /** Notes the date the current finder gives an article when it differs from its record's. */
  note(record: ArticleRecord, text: string, clean: CleanArticle): void {
    this.noteFound(record.id, record.articleDate, dateFoundAgain(record, text, clean));
  }

  /** Notes a date found again (dateFoundAgain, perhaps on a worker) against the recorded one. */
  noteFound(id: string, recorded: string | null, date: string | null | undefined): void {
    if (date === undefined) return;
    if (date !== recorded) this.changed.set(id, date);
    else this.changed.delete(id);
  }

  /** The articles whose date changed. */
  get ids(): string[] {
    return [...this.changed.keys()];
  }

  /** The record edit that gives each changed article its new date. */
  readonly edit: RecordEdit = (r) => {
    if (!this.changed.has(r.id)) return null;
    const articleDate = this.changed.get(r.id)!;
    return articleDate === r.articleDate ? null : { articleDate };
  };
}
