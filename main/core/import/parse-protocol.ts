// Messages between the import pipeline and its parse workers. Plain data only: the
// original bytes stay on the calling thread, which reattaches them to each result.
import type { ArticleRecord } from '../store/article-file';
import type { IndexDoc } from '../search/types';
import type { PoolReply, PoolRequest } from '../workers/pool-messages';

/** One file to decode and parse; the id is computed by the caller (it decides duplicates). */
export interface ParseJob {
  bytes: Uint8Array;
  name: string;
  path: string | null;
  /** Folder relative to the imported one ("" at its top), null for a file on its own. */
  folder?: string | null;
  id: string;
}

/** A parsed file without its bytes, or why it cannot be imported. */
export type ParseOutcome =
  { ok: true; record: ArticleRecord; doc: IndexDoc } | { ok: false; reason: string };

/** A batch of files for a parse worker. */
export interface ParseTask {
  jobs: ParseJob[];
}

export type ParseRequest = PoolRequest<ParseTask>;

export type ParseResponse = PoolReply<ParseOutcome[]>;
