import type { ArticleId, CappedTerm, TextRange } from '../../contract/types';
import type { Judging, QueryVerdicts } from './query/query-judge';

/** What the index needs of one article. `rev` changes whenever an indexed field changes. */
export interface IndexDoc {
  id: ArticleId;
  rev: number;
  title: string;
  body: string;
  tags: string[];
  place: string | null;
  language: string;
  /** The notes of the article's highlights (absent: none). */
  notes?: string[];
  /** The highlighted passages (absent: none). */
  highlights?: string[];
}

export interface IndexHit {
  id: ArticleId;
  score: number;
}

export interface IndexSearchResult {
  /** Every matching document, best first. */
  hits: IndexHit[];
  /** True when some persisted segments were not loaded yet. */
  partial: boolean;
  /** Prefix or fuzzy words whose expansion was capped (empty when none was). */
  capped: CappedTerm[];
  /** Words no article holds, searched by their nearest spellings (absent: none). */
  corrected?: { from: string; to: string }[];
  /** Words no article holds, with no spelling near them, searched without (absent: none). */
  ignored?: string[];
  /** Words few articles hold, and a far more common spelling one edit away (absent: none). */
  suggested?: { from: string; to: string }[];
  /** The query was a pasted passage, searched as a bag of its words (any of them, ranked). */
  passage?: boolean;
}

/**
 * The articles naming a person, an organisation or a place whose name holds these words (the
 * query's words, search-normalised; `prefix`: the last one may be a prefix), with a weight per
 * article (up to 1). Person:, org: and place: clauses are answered with it.
 */
export type NameMatcher = (
  type: 'person' | 'organisation' | 'place',
  words: readonly string[],
  prefix: boolean,
) => ReadonlyMap<ArticleId, number>;

/** How to read a query beyond its text. */
export interface QueryOptions {
  /** Answers person:, org: and place: clauses from the library's entities (absent: none match). */
  names?: NameMatcher;
  /** Search the words as typed, without replacing misspelt ones. */
  exact?: boolean;
  /** Any of the words rather than all of them (left-out words stay left out). */
  anyWord?: boolean;
  /** An article's collection, for collection:name (judged by the catalogue, not the index). */
  collectionOf?: (id: ArticleId) => string | null | undefined;
  /** An article's own date (ISO), for date: (judged by the catalogue, not the index). */
  dateOf?: (id: ArticleId) => string | null | undefined;
}

export interface IndexProgress {
  done: number;
  total: number;
}

export interface SearchIndexOptions {
  /** Folder the index persists into (a cache: it may be deleted at any time). */
  dir: string;
  /** Loads one article's indexed fields; used to (re)build segments (phrases need no text). */
  loadDoc: (id: ArticleId) => Promise<IndexDoc | null>;
  /** Built JS file of the index worker; without it segments are built on the calling thread. */
  workerScript?: string;
  /** Extra Node arguments for the worker (tests pass a TypeScript loader). */
  workerExecArgv?: string[];
  /** Do not write anything to `dir`. */
  readOnly?: boolean;
}

/** The revision of every article the index should hold (a Map has this shape). */
export interface ExpectedRevisions {
  has(id: ArticleId): boolean;
  forEach(each: (rev: number, id: ArticleId) => void): void;
}

/** The search side of the engine, as the library facade uses it. */
export interface SearchIndexApi {
  /**
   * Loads the persisted segments and reconciles them with `expected` (id to rev):
   * missing or outdated documents are indexed, extra ones dropped. A missing, stale
   * or corrupt index is rebuilt from `loadDoc`.
   */
  open(expected: ExpectedRevisions, onProgress?: (p: IndexProgress) => void): Promise<void>;
  /** Adds documents, or replaces the indexed version of ones already present. */
  upsert(docs: IndexDoc[]): Promise<void>;
  /**
   * Builds new documents without adding them yet (an import builds a chunk while the chunk
   * before it is written), judging each by `judging`'s queries on its analysis first; rejects
   * when the build fails (then `upsert` them, which sets bad documents aside).
   */
  prepare?(docs: IndexDoc[], judging?: Judging): Promise<PreparedDocs>;
  /**
   * Judges new documents by `judging`'s queries as `prepare` does, building nothing (for
   * documents to be indexed later in a batch with others).
   */
  judge?(docs: IndexDoc[], judging: Judging): Promise<(QueryVerdicts | null)[]>;
  /** Starts an index worker ahead of the builds to come (an import is beginning). */
  warm?(): void;
  /**
   * A large import is over: index workers with nothing to do stop now, giving their heaps
   * back at once instead of after their idle time (the next task starts a fresh one).
   */
  rest?(): void;
  remove(ids: ArticleId[]): Promise<void>;
  /** Runs a query in Lunr's syntax plus "phrases" and tag:name; throws QueryError on bad input. */
  search(
    query: string,
    filter?: (id: ArticleId) => boolean,
    options?: QueryOptions,
  ): Promise<IndexSearchResult>;
  /**
   * The `limit` documents most like `id` by their weighted terms (its title and body given as
   * `texts`), best first; never `id` itself nor a document `keep` refuses.
   */
  moreLikeThis?(
    id: ArticleId,
    texts: { title: string; body: string; language: string },
    limit: number,
    keep?: (id: ArticleId) => boolean,
  ): Promise<IndexSearchResult>;
  /** Ranges in `text` that the query matches (for snippets and reader highlights). */
  highlight(query: string, text: string, language?: string): TextRange[];
  /**
   * Ranges of the indexed title and body of `id` (given as `texts`) that the query matched,
   * as the search did, for snippets: from stored word positions where that is cheap; only
   * the opening of a long body is looked at. Null when unknown (then use `highlight`).
   */
  matchedRanges?(
    query: string,
    id: ArticleId,
    texts: { title: string; body: string },
    lookupLimit?: number,
    options?: QueryOptions,
  ): { title: TextRange[]; body: TextRange[] } | null;
  /** Index files found damaged since open (names inside the index folder, and why). */
  damaged?(): { path: string; reason: string }[];
  stats(): { ready: boolean; segments: number; documents: number };
  /** Documents that could not be indexed (each failed alone; the others are indexed). */
  problems?(): { id: ArticleId; reason: string }[];
  /** Waits for background merges and persists everything. */
  flush(): Promise<void>;
  /**
   * Waits for background work, drops dead documents still waiting for a quiet moment and
   * persists; `discard`: the index is about to be deleted, so nothing more is rewritten.
   */
  close(options?: { discard?: boolean }): Promise<void>;
}

/** New documents built by `prepare`, not yet searchable. */
export interface PreparedDocs {
  /** With a Judging: each document's verdicts, in order (null: no query found it). */
  verdicts: (QueryVerdicts | null)[];
  /**
   * Makes those of the documents with these ids searchable (the ones written; the others
   * are left out). Each document's tags must be those the judging gave it.
   */
  publish(ids: readonly ArticleId[]): Promise<void>;
  /** Drops the build (none of the documents was written). */
  discard(): void;
}
