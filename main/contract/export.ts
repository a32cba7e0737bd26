// Exports: what to export (format, scope, where), what comes back, and the JSON Lines record,
// versioned, that an import recognises by its first line and reads back (docs/export.md).
import { z } from './zod';
import { LIMITS } from './limits';
import { articleIdSchema } from './article-id';
import { importId } from './api-schemas';
import { isoDaySchema } from './date-range';
import { storedHighlightSchema } from './highlights';
import { tagReferenceSchema } from './tag-name';
import { exportFormatSchema, type ExportFormat } from './export-format';
import { articleMetaSchema, libraryViewSchema, queryTextSchema } from './types';

const count = z.number().int().nonnegative();

// The formats live apart (export-format.ts), so the command line can check --format cheaply.
export { EXPORT_FORMATS, exportFormatSchema, type ExportFormat } from './export-format';

/** Formats written as one file; the others fill a folder (one file per article, or two files). */
export const SINGLE_FILE_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv'];

/**
 * Which articles: the ids given (a selection), else what a search query finds, else the
 * whole library; the view, tags and collection narrow either of the last two.
 */
export const exportScopeSchema = z.strictObject({
  ids: z
    .array(articleIdSchema, { error: 'must be a list of article ids' })
    .max(LIMITS.idsPerCall, `may name at most ${LIMITS.idsPerCall} articles`)
    .optional(),
  query: queryTextSchema.optional(),
  view: libraryViewSchema.optional(),
  tags: z.array(tagReferenceSchema).max(LIMITS.tagsPerCall).optional(),
  collection: z.string().max(LIMITS.collectionNameLength).optional(),
  place: z.string().max(LIMITS.facetLength).optional(),
  language: z.string().max(LIMITS.facetLength).optional(),
  /** Dated on or after / on or before these days (the timeline's range). */
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});
export type ExportScope = z.infer<typeof exportScopeSchema>;

export const exportRequestSchema = z.strictObject({
  format: exportFormatSchema,
  /** Absolute path: the file (jsonl, csv) or the folder (md, txt, opensearch) to create. */
  out: z
    .string({ error: 'must be a path' })
    .min(1, 'must be a path')
    .max(LIMITS.pathLength, `must be at most ${LIMITS.pathLength} characters`),
  scope: exportScopeSchema,
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportProgressSchema = z.object({ done: count, total: count });
export type ExportProgress = z.infer<typeof exportProgressSchema>;

export const exportResultSchema = z.object({
  exported: count,
  /** The file or folder written. */
  path: z.string(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** The first line of a JSON Lines export: the marker an import recognises it by. */
export const JSONL_EXPORT_MARKER = 'archive-reader-export';
/** Version of the JSON Lines record; readers refuse a higher one. */
export const JSONL_EXPORT_VERSION = 1;

export const jsonlHeaderSchema = z.object({
  format: z.literal(JSONL_EXPORT_MARKER),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  /** Article lines that follow. */
  count,
});
export type JsonlHeader = z.infer<typeof jsonlHeaderSchema>;

/**
 * One article line: every field of the article's metadata, its clean text, the original text
 * decoded and byte-exact (base64, which an import needs to give it the same id), and its
 * highlights as stored (W3C selectors).
 */
export const jsonlRecordSchema = articleMetaSchema.extend({
  dateline: z.string().nullable(),
  body: z.string(),
  original: z.string(),
  originalBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  highlights: z.array(storedHighlightSchema).max(LIMITS.highlightsPerArticle),
});
export type JsonlRecord = z.infer<typeof jsonlRecordSchema>;

/** An export the app asks for: main chooses where it goes (a save dialog), never the page. */
export const exportCallSchema = z.strictObject({
  /** Picked by the caller, so that cancelExport can name it. */
  exportId: importId,
  format: exportFormatSchema,
  scope: exportScopeSchema,
});
export type ExportCall = z.infer<typeof exportCallSchema>;

/** What an export call answers: null when the person closed the save dialog. */
export const exportCallResultSchema = exportResultSchema.nullable();

/** What main's save dialog is asked: a file (jsonl, csv) or the name of a new folder. */
export interface SaveDialogRequest {
  format: ExportFormat;
  suggestedName: string;
  folder: boolean;
}
