// Article dates and languages found again on reindex: records keep what import found, and the
// date finder and the language detector improve (new forms, calendars, languages), so a
// reindex, which reads every article file anyway, lets an existing library catch up. Only the
// articles whose date or language changed are rewritten (their index entry then follows, as
// for any edit). A saved web page keeps the date and language it was imported with.
import { webPageKindOf } from '../html/web-page-kind';
import type { ArticleRecord } from '../store/article-file';
import { articleDateOf } from '../text/article-date';
import { detectLanguage } from '../text/language';
import type { CleanArticle } from '../text/parse-article';
import type { RecordEdit } from './record-writer';

/** What the current finder and detector give an article; undefined for a web page. */
export function foundAgain(
  record: ArticleRecord,
  text: string,
  clean: CleanArticle,
): { date: string | null; language: string } | undefined {
  if (webPageKindOf(record.sourceName) !== null) return undefined;
  // As parseArticle detects it at import.
  const language = detectLanguage(`${clean.title}\n${clean.body}`);
  return { date: articleDateOf(text, clean, language), language };
}

export class DateRefresh {
  private readonly changed = new Map<string, string | null>();
  private readonly languages = new Map<string, string>();

  /** Notes what the current finder and detector give an article where its record differs. */
  note(record: ArticleRecord, text: string, clean: CleanArticle): void {
    this.noteFound(record.id, record, foundAgain(record, text, clean));
  }

  /** Notes a date and language found again (foundAgain, perhaps on a worker) against the record's. */
  noteFound(
    id: string,
    recorded: { articleDate: string | null; language: string },
    found: { date: string | null; language: string } | undefined,
  ): void {
    if (found === undefined) return;
    if (found.date !== recorded.articleDate) this.changed.set(id, found.date);
    else this.changed.delete(id);
    if (found.language !== recorded.language) this.languages.set(id, found.language);
    else this.languages.delete(id);
  }

  /** The articles whose date or language changed. */
  get ids(): string[] {
    return [...new Set([...this.changed.keys(), ...this.languages.keys()])];
  }

  /** The record edit that gives each changed article its new date and language. */
  readonly edit: RecordEdit = (r) => {
    const edit: { articleDate?: string | null; language?: string } = {};
    const articleDate = this.changed.get(r.id);
    if (articleDate !== undefined && articleDate !== r.articleDate) edit.articleDate = articleDate;
    const language = this.languages.get(r.id);
    if (language !== undefined && language !== r.language) edit.language = language;
    return Object.keys(edit).length > 0 ? edit : null;
  };
}
