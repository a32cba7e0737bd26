// Data shapes shared by the engine, the API contract, the CLI and the renderer, as zod schemas
// with their TypeScript types derived from them, so the type and its check cannot drift apart.
// Query shapes (what callers send) refuse unknown fields and carry every bound; result shapes
// (what the engine answers) describe what callers may rely on.
import { z } from './zod';
import { LIMITS } from './limits';
import { tagReferenceSchema } from './tag-name';
import { articleIdSchema } from './article-id';
import { highlightSchema } from './highlights';
import { articleEntitiesSchema } from './entities';
import { isoDaySchema } from './date-range';

const count = z.number().int().nonnegative();

export { articleIdSchema, type ArticleId } from './article-id';

/** What the list, the sidebar and search hits need to know about an article. */
export const articleMetaSchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  /** Place taken from the dateline ("TEHRAN", "LONDON"), or null. */
  place: z.string().nullable(),
  /** ISO 639-1 code from language detection, or "und" when unknown. */
  language: z.string(),
  wordCount: count,
  readingMinutes: count,
  /** Encoding the original bytes were decoded from ("UTF-8", "windows-1252", ...). */
  encoding: z.string(),
  /**
   * True when the encoding was a guess (the bytes were not valid in any declared or
   * detected encoding and a fallback was used); absent on articles imported before.
   */
  encodingGuessed: z.boolean().optional(),
  /** File name the article came from. */
  sourceName: z.string(),
  /** Absolute path the article was imported from, or null for dropped contents. */
  sourcePath: z.string().nullable(),
  /**
   * The file's folder relative to the folder that was imported ("" directly in it, "a/b"
   * deeper; "/"-separated), or null for a file imported on its own; absent on articles
   * imported before it was recorded.
   */
  sourceFolder: z.string().nullable().optional(),
  /**
   * The article's collection: the first folder below the imported one (or the name it was
   * renamed to), null when none. Always set on what the engine answers.
   */
  collection: z.string().nullable().optional(),
  byteLength: count,
  /** ISO timestamp of the import. */
  importedAt: z.string(),
  /** ISO date (YYYY-MM-DD) found in the text, or null. */
  articleDate: z.string().nullable(),
  /** Tag display names, in the order they were added. */
  tags: z.array(z.string()),
  read: z.boolean(),
  favourite: z.boolean(),
  /** Reading position as a fraction 0..1 of the body. */
  position: z.number().min(0).max(1),
  /** ISO timestamp when moved to the trash, or null when not trashed. */
  trashedAt: z.string().nullable(),
  /** The opening of the clean body, for list rows. */
  excerpt: z.string(),
  /**
   * A saved web page's author line and site name, from its metadata; absent on other articles.
   * Kept in the article file only (the catalogue leaves them out), so they come with `get`.
   */
  byline: z.string().optional(),
  siteName: z.string().optional(),
  /** Highlights on the article, and how many of them carry a note; absent when none. */
  highlightCount: count.optional(),
  noteCount: count.optional(),
  /**
   * How many versions of this story the library holds, this one included (2 or more); absent
   * when it has none, or while the version groups are still being built after an open.
   */
  versionCount: count.optional(),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** A half-open character range [start, end) into some string. */
export const textRangeSchema = z.object({ start: count, end: count });
export type TextRange = z.infer<typeof textRangeSchema>;

/** One article with its text, as the reader shows it. */
export const articleViewSchema = articleMetaSchema.extend({
  /** The dateline as written ("TEHRAN –"), or null. */
  dateline: z.string().nullable(),
  /** The clean body: dateline and trailing site debris removed, paragraphs kept. */
  body: z.string(),
  /** The original text, decoded, unchanged. */
  original: z.string(),
  /** Ranges in `body` that match the highlight query, when one was given. */
  matches: z.array(textRangeSchema),
  /** Ranges in `title` that match the highlight query, when one was given. */
  titleMatches: z.array(textRangeSchema),
  /** The reader's highlights and notes, placed in `body` (orphaned ones kept, unplaced). */
  highlights: z.array(highlightSchema),
  /** Ids of the other versions of this story (its version group), sorted; empty when none. */
  versions: z.array(articleIdSchema),
  /** The people, organisations and places the article names (docs/entities.md). */
  entities: articleEntitiesSchema,
});
export type ArticleView = z.infer<typeof articleViewSchema>;

export const ARTICLE_SORTS = ['imported', 'date', 'title'] as const;
export const articleSortSchema = z.enum(ARTICLE_SORTS, {
  error: `must be ${ARTICLE_SORTS.join(', ')}`,
});
export type ArticleSort = z.infer<typeof articleSortSchema>;

export const SORT_ORDERS = ['asc', 'desc'] as const;
export const sortOrderSchema = z.enum(SORT_ORDERS, { error: 'must be asc or desc' });
export type SortOrder = z.infer<typeof sortOrderSchema>;

export const LIBRARY_VIEWS = ['all', 'unread', 'favourites', 'trash'] as const;
export const libraryViewSchema = z.enum(LIBRARY_VIEWS, {
  error: `must be one of ${LIBRARY_VIEWS.join(', ')}`,
});
export type LibraryView = z.infer<typeof libraryViewSchema>;

const offsetSchema = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(LIMITS.maxOffset, `must be at most ${LIMITS.maxOffset}`);

const pageLimit = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

/** Tags a list or search must match; may be empty. */
const tagFilterSchema = z
  .array(tagReferenceSchema, { error: 'must be a list of tag names' })
  .max(LIMITS.tagsPerCall, `may name at most ${LIMITS.tagsPerCall} tags`);

// Control characters make filters unreadable in logs; they never occur in places or languages.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const facetSchema = z
  .string({ error: 'must be a string' })
  .max(LIMITS.facetLength, `must be at most ${LIMITS.facetLength} characters`)
  .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

/** A search (or highlight) query as typed. */
export const queryTextSchema = z
  .string({ error: 'must be a string' })
  .max(LIMITS.queryLength, `must be at most ${LIMITS.queryLength} characters`);

export const listQuerySchema = z.strictObject({
  view: libraryViewSchema.optional(),
  /** Articles must carry every tag named (case-insensitive). */
  tags: tagFilterSchema.optional(),
  place: facetSchema.optional(),
  language: facetSchema.optional(),
  /** Articles of this collection only (case-insensitive). */
  collection: facetSchema.optional(),
  /** Articles dated on or after this day (their own date; undated ones are left out). */
  from: isoDaySchema.optional(),
  /** Articles dated on or before this day (their own date; undated ones are left out). */
  to: isoDaySchema.optional(),
  sort: articleSortSchema.optional(),
  order: sortOrderSchema.optional(),
  offset: offsetSchema.optional(),
  limit: pageLimit(LIMITS.listLimit).optional(),
  /** One article per version group: the main version (see docs/versions.md). */
  hideVersions: z.boolean({ error: 'must be true or false' }).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const articlePageSchema = z.object({
  total: count,
  offset: count,
  items: z.array(articleMetaSchema),
});
export type ArticlePage = z.infer<typeof articlePageSchema>;

export const SEARCH_SORTS = ['relevance', 'date', 'imported', 'title'] as const;
export const searchSortSchema = z.enum(SEARCH_SORTS, {
  error: `must be ${SEARCH_SORTS.join(', ')}`,
});
export type SearchSort = z.infer<typeof searchSortSchema>;

export const searchQuerySchema = z.strictObject({
  query: queryTextSchema,
  limit: pageLimit(LIMITS.searchLimit).optional(),
  offset: offsetSchema.optional(),
  /** Hits must carry every tag named (case-insensitive). */
  tags: tagFilterSchema.optional(),
  view: libraryViewSchema.optional(),
  place: facetSchema.optional(),
  language: facetSchema.optional(),
  /** Articles of this collection only (case-insensitive). */
  collection: facetSchema.optional(),
  /** Articles dated on or after this day (their own date; undated ones are left out). */
  from: isoDaySchema.optional(),
  /** Articles dated on or before this day (their own date; undated ones are left out). */
  to: isoDaySchema.optional(),
  sort: searchSortSchema.optional(),
  /** Default: best match, newest and last imported first ('desc'); titles A to Z ('asc'). */
  order: sortOrderSchema.optional(),
  /** Search the words as typed: a word no article holds is not replaced by its nearest spellings. */
  exact: z.boolean().optional(),
  /** Articles with any of the words, ranked, instead of all of them. */
  anyWord: z.boolean().optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  score: z.number(),
  /** Text around the best match in the body. */
  snippet: z.string(),
  /** Match ranges inside `snippet`. */
  snippetMatches: z.array(textRangeSchema),
  /** Match ranges inside `title`. */
  titleMatches: z.array(textRangeSchema),
  meta: articleMetaSchema,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** A query word whose expansion (fuzzy or prefix) was cut short to keep the query fast. */
export const cappedTermSchema = z.object({
  /** The word as typed, with its operator ("organisation~2", "inter*"). */
  word: z.string(),
  kind: z.enum(['fuzzy', 'prefix']),
  /** Index terms it was expanded to before the cap. */
  expanded: count,
  /** One line for people: what was cut and why. */
  message: z.string(),
});
export type CappedTerm = z.infer<typeof cappedTermSchema>;

export const searchResultSchema = z.object({
  total: count,
  hits: z.array(searchHitSchema),
  /** True when not every index segment was loaded yet (cold start). */
  partial: z.boolean(),
  tookMs: z.number().nonnegative(),
  /** Words whose expansion was capped; absent or empty when nothing was. */
  capped: z.array(cappedTermSchema).optional(),
  /**
   * Words no article holds, searched by their nearest spellings instead ("showing results for
   * `to`"); absent when none was. Rerun with `exact: true` to search them as typed.
   */
  corrected: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  /** Words no article holds and nothing is spelt near, left out of the search; absent: none. */
  ignored: z.array(z.string()).optional(),
  /**
   * True when the query was a pasted passage (more words than a query may have, no
   * operators): searched as a bag of its words, any of them, best matches first.
   */
  passage: z.boolean().optional(),
  /**
   * When no article has all the words: how many have any of them (rerun with `anyWord: true`
   * to see them). Absent otherwise.
   */
  anyWordTotal: count.optional(),
  /**
   * "Did you mean": the query with rare words spelt as far more articles spell them, and how
   * many articles it finds (far more than this result); absent otherwise.
   */
  didYouMean: z.object({ query: z.string(), total: count }).optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** Raw bytes; a custom check so the type stays the plain Uint8Array the engine passes around. */
export const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, {
  error: 'must be bytes (a Uint8Array)',
});

/** A file to import: a path on disk, or contents handed over (a drop with no path). */
export const importSourceSchema = z.union([
  /** `root`: for a file found in a folder, that folder (its first level is the collection). */
  z.object({ path: z.string(), root: z.string().optional() }),
  z.object({ name: z.string(), data: bytesSchema }),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export const importedEntrySchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  path: z.string(),
});
export type ImportedEntry = z.infer<typeof importedEntrySchema>;

export const duplicateEntrySchema = z.object({
  path: z.string(),
  /** The article already in the library (or earlier in the batch) with the same content. */
  id: articleIdSchema,
  title: z.string(),
});
export type DuplicateEntry = z.infer<typeof duplicateEntrySchema>;

export const failedEntrySchema = z.object({
  path: z.string(),
  reason: z.string(),
});
export type FailedEntry = z.infer<typeof failedEntrySchema>;

export const importSummarySchema = z.object({
  imported: z.array(importedEntrySchema),
  duplicates: z.array(duplicateEntrySchema),
  /**
   * Files whose article was in the trash: taken out of it (the file is the article's, so
   * importing it again means wanting it back). `path` is the file imported again.
   */
  restored: z.array(importedEntrySchema).optional(),
  failed: z.array(failedEntrySchema),
  /** Files in folders that were not articles (text files, saved web pages) and were left alone. */
  skipped: count,
  /**
   * Entries skipped for a reason worth telling (a link leading outside the chosen folder, a
   * FIFO or device); plain non-article files are only counted in `skipped`.
   */
  skippedFiles: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
  cancelled: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importProgressSchema = z.object({
  /** Files handled so far. */
  done: count,
  /** Files found so far; grows while folders are still being walked. */
  total: count,
  /** Path or name of the file being handled. */
  current: z.string(),
  imported: count,
  duplicates: count,
  failed: count,
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const tagCountSchema = z.object({
  name: z.string(),
  count,
});
export type TagCount = z.infer<typeof tagCountSchema>;

/** Tags of some articles before a change, so the change can be undone. */
export const tagSnapshotSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        id: articleIdSchema,
        tags: z
          .array(tagReferenceSchema)
          .max(LIMITS.tagsPerArticle, `may hold at most ${LIMITS.tagsPerArticle} tags`),
      }),
      { error: 'must be a list of snapshot entries' },
    )
    .max(LIMITS.idsPerCall, `may hold at most ${LIMITS.idsPerCall} entries`),
  /** After a rename: the tagging rules it changed, as they were, and the rule it left. */
  rules: z
    .strictObject({
      before: z
        .array(
          z.strictObject({
            tag: tagReferenceSchema,
            query: queryTextSchema,
            added: z.array(articleIdSchema).max(LIMITS.idsPerCall * 10),
          }),
        )
        .max(2),
      after: tagReferenceSchema,
    })
    .optional(),
});
export type TagSnapshot = z.infer<typeof tagSnapshotSchema>;

export const facetCountSchema = z.object({
  name: z.string(),
  count,
});
export type FacetCount = z.infer<typeof facetCountSchema>;

export const libraryStatsSchema = z.object({
  libraryPath: z.string(),
  articles: count,
  unread: count,
  favourites: count,
  trash: count,
  tags: z.array(tagCountSchema),
  places: z.array(facetCountSchema),
  languages: z.array(facetCountSchema),
  totalBytes: count,
  index: z.object({ ready: z.boolean(), segments: count, documents: count }),
  /**
   * Asked with `hideVersions`: how many articles outside the trash are other versions left
   * out of every count above but `trash` and `totalBytes`; absent otherwise.
   */
  hiddenVersions: count.optional(),
  /**
   * Asked with `hideVersions`: every tag with its count over all articles outside the trash
   * (what `tags` holds without it), for the tag manager and tag suggestions.
   */
  libraryTags: z.array(tagCountSchema).optional(),
  /** Article files that could not be read when the library was opened (left untouched). */
  problems: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
});
export type LibraryStats = z.infer<typeof libraryStatsSchema>;

/** One thing `check()` found wrong: a file and what is wrong with it. */
export const checkProblemSchema = z.object({
  /** Path relative to the library folder. */
  path: z.string(),
  /** 'article' (a source-of-truth file), or the cache it belongs to. */
  kind: z.enum(['article', 'catalog', 'index', 'manifest', 'lock']),
  reason: z.string(),
});
export type CheckProblem = z.infer<typeof checkProblemSchema>;

/** What `check()` verified: every article file and every cache. */
export const checkReportSchema = z.object({
  ok: z.boolean(),
  articlesChecked: count,
  cacheFilesChecked: count,
  problems: z.array(checkProblemSchema),
  tookMs: z.number().nonnegative(),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

/** Every code an engine failure people may see can carry. */
export const ERROR_CODES = [
  'BAD_QUERY',
  'BAD_ARGUMENT',
  'NOT_FOUND',
  'LOCKED',
  'LIBRARY_CORRUPT',
  'LIBRARY_VERSION',
  'IO',
  'CANCELLED',
  'FORBIDDEN',
  'DISK_FULL',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
/** Every engine failure people may see carries one of these codes. */
export type ErrorCode = z.infer<typeof errorCodeSchema>;
