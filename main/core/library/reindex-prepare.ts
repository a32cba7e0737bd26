// What a reindex derives from one article, from one read of it: its index document, its date
// found again, its near-duplicate signature and its entities. The same on a reindex worker
// and on the calling thread; the results are those the index, the versions and the entities
// computed each from their own read before (library-engine.ts loadDoc, library-versions.ts,
// library-entities.ts).
import { errorMessage } from '../../contract/error-message';
import { decodeArticleFile, type StoredArticle } from '../store/article-file';
import type { IndexDoc } from '../search/types';
import { sourceTextOf } from '../html/source-text';
import { cleanArticle, type CleanArticle } from '../text/parse-article';
import { nearSignature } from '../text/near-signature';
import { entitiesOfText } from '../entities/library-entities';
import type { TypedName } from '../entities/entity-cache';
import type { PoolReply, PoolRequest } from '../workers/pool-messages';
import { toIndexDoc } from './article-text';
import { foundAgain } from './date-refresh';

/** One article to prepare: its stored bytes, or the article already read and decoded. */
export interface ReindexJob {
  id: string;
  /** The catalogue's title and language, which entity extraction goes by. */
  title: string;
  language: string;
  bytes?: Uint8Array;
  stored?: StoredArticle;
  /** Compute the signature (false: the cache holds it for this cleaner, so it is reused). */
  sign: boolean;
  /** Find the entities (false: the cache holds them for this cleaner and extractor). */
  findNames: boolean;
  /** Find the date again (false: the library's dates are this finder's; date-finder-mark.ts). */
  redate: boolean;
}

/** What one article gives, or why it cannot be read. */
export type Prepared =
  | { id: string; ok: false; reason: string }
  | {
      id: string;
      ok: true;
      /** The date and language on the article's record. */
      recorded: { articleDate: string | null; language: string };
      /** The date and language found again (undefined: not refreshed). */
      found: { date: string | null; language: string } | undefined;
      /** Null when its text could not be cleaned (it is then left out of the index). */
      doc: IndexDoc | null;
      /** Undefined: not computed, as the job asked (the cached one stands). */
      sig: Uint8Array | null | undefined;
      names: TypedName[] | undefined;
    };

/** A batch of articles for a reindex worker. */
export interface ReindexTask {
  jobs: ReindexJob[];
}

export type ReindexRequest = PoolRequest<ReindexTask>;

export type ReindexResponse = PoolReply<Prepared[]>;

// As Buffer#toString reads a stored record (a byte-order mark is kept, not dropped).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Prepares one article; an article file that cannot be decoded gives the reason. */
export function prepareForReindex(job: ReindexJob): Prepared {
  let stored: StoredArticle;
  try {
    stored = job.stored ?? decodeArticleFile(utf8.decode(job.bytes ?? new Uint8Array(0)), job.id);
  } catch (e) {
    return { id: job.id, ok: false, reason: errorMessage(e) };
  }
  const { record } = stored;
  const recorded = { articleDate: record.articleDate, language: record.language };
  const base = { id: job.id, ok: true as const, recorded };
  let text: string;
  let clean: CleanArticle;
  try {
    text = sourceTextOf(stored);
    clean = cleanArticle(text);
  } catch {
    // As each reader did before: not indexed, no versions, nobody named.
    return { ...base, found: undefined, doc: null, sig: null, names: [] };
  }
  // Each part fails alone, as when each was computed from a read of its own.
  let found: { date: string | null; language: string } | undefined = undefined;
  let doc: IndexDoc | null = null;
  try {
    if (job.redate) found = foundAgain(record, text, clean);
    doc = toIndexDoc(record, clean.body);
  } catch {
    // Not indexed; a date found before the failure still counts, as it did.
  }
  return {
    ...base,
    found,
    doc,
    sig: job.sign ? attempt(() => nearSignature(clean.body), null) : undefined,
    names: job.findNames
      ? attempt(
          () =>
            entitiesOfText({
              title: job.title,
              body: clean.body,
              language: job.language,
              place: clean.place,
            }),
          [],
        )
      : undefined,
  };
}

function attempt<T>(compute: () => T, otherwise: T): T {
  try {
    return compute();
  } catch {
    return otherwise;
  }
}

/** Prepares every article of a batch, in order. */
export function prepareBatch(jobs: ReindexJob[]): Prepared[] {
  return jobs.map(prepareForReindex);
}
