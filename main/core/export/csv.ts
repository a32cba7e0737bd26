// CSV of article metadata for spreadsheets: RFC 4180 quoting, CRLF rows, UTF-8 with a byte
// order mark (without it Excel reads UTF-8 as the local code page and garbles Arabic or
// accents), and cells that a spreadsheet would run as a formula written as text.
import type { ArticleMeta } from '../../contract/types';

/** The byte order mark that tells spreadsheets the file is UTF-8. */
export const CSV_BOM = '\ufeff';

/** The columns, in order: metadata only, never the text. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'place',
  'article_date',
  'language',
  'tags',
  'collection',
  'source_name',
  'source_path',
  'imported_at',
  'read',
  'favourite',
  'trashed_at',
  'word_count',
  'highlights',
  'notes',
] as const;

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
// (CSV injection): a leading apostrophe makes it text, as OWASP recommends.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when RFC 4180 requires it (comma, quote, CR or LF inside). */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row of cells, ending with CRLF. */
export const csvRow = (cells: readonly (string | number | boolean | null)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

/** The header row. */
export const csvHeader = (): string => csvRow(CSV_COLUMNS);

/** An article's row (tags joined with "; "). */
export function csvArticleRow(meta: ArticleMeta, highlights: number, notes: number): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
    id: meta.id,
    title: meta.title,
    place: meta.place,
    article_date: meta.articleDate,
    language: meta.language,
    tags: meta.tags.join('; '),
    collection: meta.collection ?? null,
    source_name: meta.sourceName,
    source_path: meta.sourcePath,
    imported_at: meta.importedAt,
    read: meta.read,
    favourite: meta.favourite,
    trashed_at: meta.trashedAt,
    word_count: meta.wordCount,
    highlights,
    notes,
  };
  return csvRow(CSV_COLUMNS.map((c) => row[c]));
}
