// Highlights and notes: what is stored with an article (W3C Web Annotation selectors for the
// clean text, so a highlight can be found again after the text is cleaned differently), and
// what callers get (the passage placed in today's clean text, or marked orphaned).
import { z } from './zod';
import { LIMITS } from './limits';
import { articleIdSchema, type ArticleId } from './article-id';
import { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS } from './highlight-colors';

export { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS };
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS, {
  error: `must be one of ${HIGHLIGHT_COLORS.join(', ')}`,
});
export type HighlightColor = z.infer<typeof highlightColorSchema>;

/** A highlight id: its article's id, "-", and 8 hex digits. */
export const highlightIdSchema = z
  .string({ error: 'must be a highlight id (article id, "-", 8 hex digits)' })
  .regex(/^[0-9a-f]{16}-[0-9a-f]{8}$/, 'must be a highlight id (article id, "-", 8 hex digits)');
export type HighlightId = z.infer<typeof highlightIdSchema>;

/** The article a highlight id belongs to. */
export const articleOfHighlight = (id: HighlightId): ArticleId => id.slice(0, 16);

/** A note: any script, at most LIMITS.noteLength characters (empty: no note). */
export const noteSchema = z.string({ error: 'must be text' }).max(
  LIMITS.noteLength,
  // Grouped by hand: toLocaleString made an Intl formatter (11 ms) in every process that
  // loads the contract, a cold `list` among them (docs/benchmarks.md, "Cold command line").
  `must be at most ${String(LIMITS.noteLength).replace(/\B(?=(\d{3})+$)/g, ',')} characters`,
);

const offset = z.number().int().nonnegative();

/** W3C TextQuoteSelector: the passage and a little of the text either side. */
export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(LIMITS.highlightLength),
  prefix: z.string().max(LIMITS.quoteContext * 4),
  suffix: z.string().max(LIMITS.quoteContext * 4),
});
/** W3C TextPositionSelector: [start, end) in the clean body, in UTF-16 code units. */
export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** A highlight as stored in its article's file. Newer fields are kept (loose). */
export const storedHighlightSchema = z.looseObject({
  id: highlightIdSchema,
  color: highlightColorSchema,
  note: noteSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The format of the cleaner that made the text the selectors describe. */
  cleanerVersion: z.number().int().nonnegative(),
  selector: z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema]),
});
export type StoredHighlight = z.infer<typeof storedHighlightSchema>;

/** A highlight placed in the article's clean body as the reader shows it today. */
export const highlightSchema = z.object({
  id: highlightIdSchema,
  articleId: articleIdSchema,
  /** The passage as it was highlighted. */
  exact: z.string(),
  note: z.string(),
  color: highlightColorSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where the passage is in today's clean body; null when it could not be found. */
  start: offset.nullable(),
  end: offset.nullable(),
  /** True when the passage could not be found again: kept, listed, never dropped. */
  orphaned: z.boolean(),
});
export type Highlight = z.infer<typeof highlightSchema>;

/** A highlight in a list across the library: with its article's title. */
export const listedHighlightSchema = highlightSchema.extend({ title: z.string() });
export type ListedHighlight = z.infer<typeof listedHighlightSchema>;

/** A new highlight: a range of the clean body, or the n-th occurrence of a passage. */
export const newHighlightSchema = z.strictObject({
  id: articleIdSchema,
  /** [start, end) in the clean body (from a selection in the reader). */
  start: offset.optional(),
  end: offset.optional(),
  /** Or the passage itself, found in the clean body (its `occurrence`-th time, from 1). */
  text: z.string().max(LIMITS.highlightLength).optional(),
  occurrence: z.number().int().positive().optional(),
  color: highlightColorSchema.optional(),
  note: noteSchema.optional(),
});
export type NewHighlight = z.infer<typeof newHighlightSchema>;

/** A change to a highlight's note or colour. */
export const highlightPatchSchema = z.strictObject({
  id: highlightIdSchema,
  note: noteSchema.optional(),
  color: highlightColorSchema.optional(),
});
export type HighlightPatch = z.infer<typeof highlightPatchSchema>;

/** A removed highlight, to put back (undo). */
export const removedHighlightSchema = z.strictObject({
  articleId: articleIdSchema,
  highlight: storedHighlightSchema,
});
export type RemovedHighlight = z.infer<typeof removedHighlightSchema>;

/** Which highlights to list or export: one article's, or the library's, filtered. */
export const highlightQuerySchema = z.strictObject({
  articleId: articleIdSchema.optional(),
  ids: z.array(articleIdSchema).max(LIMITS.idsPerCall).optional(),
  /** Only on articles carrying this tag. */
  tag: z
    .string()
    .max(LIMITS.tagLength * 4)
    .optional(),
  color: highlightColorSchema.optional(),
  /** Include the highlights of articles in the trash (off by default). */
  trashed: z.boolean().optional(),
});
export type HighlightQuery = z.infer<typeof highlightQuerySchema>;
