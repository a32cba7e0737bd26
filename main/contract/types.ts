// Data shapes shared by the engine, the API contract, the CLI and the renderer.
// This file holds types only and imports nothing, so the web-side typecheck can include it.

/** An article id: the first 16 hex digits of the SHA-256 of the original bytes. */
export type ArticleId = string;

/** What the list, the sidebar and search hits need to know about an article. */
export interface ArticleMeta {
  id: ArticleId;
  title: string;
  /** Place taken from the dateline ("TEHRAN", "LONDON"), or null. */
  place: string | null;
  /** ISO 639-1 code from language detection, or "und" when unknown. */
  language: string;
  wordCount: number;
  readingMinutes: number;
  /** Encoding the original bytes were decoded from ("UTF-8", "windows-1252", ...). */
  encoding: string;
  /**
   * True when the encoding was a guess (the bytes were not valid in any declared or
   * detected encoding and a fallback was used); absent on articles imported before.
   */
  encodingGuessed?: boolean;
  /** File name the article came from. */
  sourceName: string;
  /** Absolute path the article was imported from, or null for dropped contents. */
  sourcePath: string | null;
  byteLength: number;
  /** ISO timestamp of the import. */
  importedAt: string;
  /** ISO date (YYYY-MM-DD) found in the text, or null. */
  articleDate: string | null;
  /** Tag display names, in the order they were added. */
  tags: string[];
  read: boolean;
  favourite: boolean;
  /** Reading position as a fraction 0..1 of the body. */
  position: number;
  /** ISO timestamp when moved to the trash, or null when not trashed. */
  trashedAt: string | null;
  /** The opening of the clean body, for list rows. */
  excerpt: string;
}

/** A half-open character range [start, end) into some string. */
export interface TextRange {
  start: number;
  end: number;
}

/** One article with its text, as the reader shows it. */
export interface ArticleView extends ArticleMeta {
  /** The dateline as written ("TEHRAN –"), or null. */
  dateline: string | null;
  /** The clean body: dateline and trailing site debris removed, paragraphs kept. */
  body: string;
  /** The original text, decoded, unchanged. */
  original: string;
  /** Ranges in `body` that match the highlight query, when one was given. */
  matches: TextRange[];
  /** Ranges in `title` that match the highlight query, when one was given. */
  titleMatches: TextRange[];
}

export type ArticleSort = 'imported' | 'date' | 'title';
export type SortOrder = 'asc' | 'desc';
export type LibraryView = 'all' | 'unread' | 'favourites' | 'trash';

export interface ListQuery {
  view?: LibraryView;
  /** Articles must carry every tag named (case-insensitive). */
  tags?: string[];
  place?: string;
  language?: string;
  sort?: ArticleSort;
  order?: SortOrder;
  offset?: number;
  limit?: number;
}

export interface ArticlePage {
  total: number;
  offset: number;
  items: ArticleMeta[];
}

export type SearchSort = 'relevance' | 'date' | 'imported' | 'title';

export interface SearchQuery {
  query: string;
  limit?: number;
  offset?: number;
  /** Hits must carry every tag named (case-insensitive). */
  tags?: string[];
  view?: LibraryView;
  place?: string;
  language?: string;
  sort?: SearchSort;
}

export interface SearchHit {
  id: ArticleId;
  title: string;
  score: number;
  /** Text around the best match in the body. */
  snippet: string;
  /** Match ranges inside `snippet`. */
  snippetMatches: TextRange[];
  /** Match ranges inside `title`. */
  titleMatches: TextRange[];
  meta: ArticleMeta;
}

/** A query word whose expansion (fuzzy or prefix) was cut short to keep the query fast. */
export interface CappedTerm {
  /** The word as typed, with its operator ("organisation~2", "inter*"). */
  word: string;
  kind: 'fuzzy' | 'prefix';
  /** Index terms it was expanded to before the cap. */
  expanded: number;
  /** One line for people: what was cut and why. */
  message: string;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** True when not every index segment was loaded yet (cold start). */
  partial: boolean;
  tookMs: number;
  /** Words whose expansion was capped; absent or empty when nothing was. */
  capped?: CappedTerm[];
}

/** A file to import: a path on disk, or contents handed over (a drop with no path). */
export type ImportSource = { path: string } | { name: string; data: Uint8Array };

export interface ImportedEntry {
  id: ArticleId;
  title: string;
  path: string;
}
export interface DuplicateEntry {
  path: string;
  /** The article already in the library (or earlier in the batch) with the same content. */
  id: ArticleId;
  title: string;
}
export interface FailedEntry {
  path: string;
  reason: string;
}

export interface ImportSummary {
  imported: ImportedEntry[];
  duplicates: DuplicateEntry[];
  failed: FailedEntry[];
  /** Files in folders that were not articles (.txt, .text, .md) and were left alone. */
  skipped: number;
  /**
   * Entries skipped for a reason worth telling (a link leading outside the chosen folder, a
   * FIFO or device); plain non-article files are only counted in `skipped`.
   */
  skippedFiles?: { path: string; reason: string }[];
  cancelled: boolean;
}

export interface ImportProgress {
  /** Files handled so far. */
  done: number;
  /** Files found so far; grows while folders are still being walked. */
  total: number;
  /** Path or name of the file being handled. */
  current: string;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface TagCount {
  name: string;
  count: number;
}

/** Tags of some articles before a change, so the change can be undone. */
export interface TagSnapshot {
  entries: { id: ArticleId; tags: string[] }[];
}

export interface FacetCount {
  name: string;
  count: number;
}

export interface LibraryStats {
  libraryPath: string;
  articles: number;
  unread: number;
  favourites: number;
  trash: number;
  tags: TagCount[];
  places: FacetCount[];
  languages: FacetCount[];
  totalBytes: number;
  index: { ready: boolean; segments: number; documents: number };
  /** Article files that could not be read when the library was opened (left untouched). */
  problems?: { path: string; reason: string }[];
}

/** One thing `check()` found wrong: a file and what is wrong with it. */
export interface CheckProblem {
  /** Path relative to the library folder. */
  path: string;
  /** 'article' (a source-of-truth file), or the cache it belongs to. */
  kind: 'article' | 'catalog' | 'index' | 'manifest' | 'lock';
  reason: string;
}

/** What `check()` verified: every article file and every cache. */
export interface CheckReport {
  ok: boolean;
  articlesChecked: number;
  cacheFilesChecked: number;
  problems: CheckProblem[];
  tookMs: number;
}

/** Every engine failure people may see carries one of these codes. */
export type ErrorCode =
  | 'BAD_QUERY'
  | 'BAD_ARGUMENT'
  | 'NOT_FOUND'
  | 'LOCKED'
  | 'LIBRARY_CORRUPT'
  | 'LIBRARY_VERSION'
  | 'IO'
  | 'CANCELLED'
  | 'FORBIDDEN'
  | 'DISK_FULL'
  | 'INTERNAL';
