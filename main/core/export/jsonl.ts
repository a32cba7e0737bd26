// JSON Lines export: a header line with the format marker and version, then one line per
// article with every field (the contract's jsonlRecordSchema), so an import can restore it.
import {
  JSONL_EXPORT_MARKER,
  JSONL_EXPORT_VERSION,
  type JsonlHeader,
  type JsonlRecord,
} from '../../contract/export';
import type { ExportArticle } from './export-article';

/** The first line of the file (without its newline). */
export function jsonlHeaderLine(count: number, exportedAt: string): string {
  const header: JsonlHeader = {
    format: JSONL_EXPORT_MARKER,
    version: JSONL_EXPORT_VERSION,
    exportedAt,
    count,
  };
  return JSON.stringify(header);
}

/** The record of one article. */
export function jsonlRecord(a: ExportArticle): JsonlRecord {
  return {
    ...a.meta,
    dateline: a.dateline,
    body: a.body,
    original: a.originalText,
    originalBase64: Buffer.from(a.original).toString('base64'),
    highlights: a.storedHighlights,
  };
}

/** One article's line (without its newline); JSON escapes every line break inside it. */
export const jsonlLine = (a: ExportArticle): string => JSON.stringify(jsonlRecord(a));
