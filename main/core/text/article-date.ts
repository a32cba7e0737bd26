// Finds the date an article gives for itself: its front matter, a "Published" line, its
// dateline, a date line standing as its title (Reuters), an "Updated" line, or a date near
// the top. Forms and calendars are in dates/ (see docs/dates.md).
import { findDates, findFoldedDates, type DateReading } from './dates/find-dates';
import { foldForDates } from './dates/fold-text';
import { headDate } from './dates/head-date';
import { publishedDate, publishedDateIn, updatedDateIn } from './dates/labelled-date';
import { readFrontMatter } from './front-matter';

/**
 * The date finder's version: bump it whenever articleDateOf can give another answer for some
 * text (a new form, calendar or label), so that the next reindex finds every article's date
 * again (library/date-finder-mark.ts). tests/unit/core/date-finder-version.test.ts fails until
 * it is bumped.
 */
export const DATE_FINDER_VERSION = 2;

/** What besides the dateline and the body can give an article's date. */
export interface DateHints {
  /** The front matter's `date:` value, as written. */
  frontMatterDate?: string | null;
  /** The article's title (a date line standing first in the file becomes the title). */
  title?: string;
  /** The detected language (ISO 639-1), which decides how 03/04/2005 reads. */
  language?: string;
}

// How far a "Published …" line may stand from the top, or from the end of the body.
const LABEL_CHARS = 1500;
const TAIL_CHARS = 500;
// Enough of a file for any front matter (60 lines of YAML).
const FRONT_MATTER_CHARS = 8000;

/** Returns the article's own date (YYYY-MM-DD) as its text states it, or null. */
export function findArticleDate(
  dateline: string | null,
  body: string,
  hints: DateHints = {},
): string | null {
  const reading = readingFor(hints.language);
  const first = (text: string | null | undefined): string | null =>
    text ? (findDates(text, reading)[0]?.iso ?? null) : null;
  // Folded once for both labels (the dateline and the title are folded between them).
  let top: string | undefined;
  const foldedTop = (): string =>
    (top ??= foldForDates(`${dateline ?? ''}\n${body.slice(0, LABEL_CHARS)}`));
  return (
    first(hints.frontMatterDate) ??
    publishedDateIn(foldedTop(), reading) ??
    first(dateline) ??
    dateOnlyLine(hints.title, reading) ??
    updatedDateIn(foldedTop(), reading) ??
    headDate(body.slice(0, LABEL_CHARS), reading) ??
    (body.length > LABEL_CHARS ? publishedDate(body.slice(-TAIL_CHARS), reading) : null)
  );
}

/** The date of an article from its decoded text and its clean parts. */
export function articleDateOf(
  text: string,
  clean: { title: string; dateline: string | null; body: string },
  language: string,
): string | null {
  const lines = text
    .slice(0, FRONT_MATTER_CHARS)
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => l.trim() !== '');
  const front = start >= 0 ? readFrontMatter(lines, start) : null;
  return findArticleDate(clean.dateline, clean.body, {
    frontMatterDate: front?.date ?? null,
    title: clean.title,
    language,
  });
}

// 03/04/2005 is ambiguous in English (US and UK disagree) and day first elsewhere.
function readingFor(language: string | undefined): DateReading {
  return {
    dayFirst: !language || language === 'en' || language === 'und' ? null : true,
    ...(language ? { language } : {}),
  };
}

// A title that is a date and nothing else ("26-FEB-1987 15:01:01.79"): the file's date line.
function dateOnlyLine(title: string | undefined, reading: DateReading): string | null {
  if (!title) return null;
  const folded = foldForDates(title);
  const found = findFoldedDates(folded, reading)[0];
  if (!found) return null;
  const rest = folded.slice(0, found.start) + folded.slice(found.end);
  // A time and a short code may follow ("… 00:02:59.13 RM"); a word makes it a headline.
  return /\p{L}{3}/u.test(rest) ? null : found.iso;
}
