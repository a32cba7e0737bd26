// Messages between the index and its worker threads.
import type { MergeInput, SegmentPayload } from '../segments/build-segment';
import type { PostingData } from '../segments/postings';
import type { PostingsFile } from '../storage/saved-postings';
import type { IndexDoc } from '../types';
import type { Judging, QueryVerdicts } from '../query/query-judge';
import type { PoolReply, PoolRequest } from '../../workers/pool-messages';

export type WorkerTask =
  /** With `judging`: the documents are judged by its queries first (build-segment.ts). */
  | { kind: 'build'; docs: IndexDoc[]; judging?: Judging }
  /** The documents judged by `judging`'s queries on their analysis, nothing built. */
  | { kind: 'judge'; docs: IndexDoc[]; judging: Judging }
  | { kind: 'merge'; parts: MergeTaskPart[] }
  /**
   * Read, verify and decode a persisted postings file (null when missing or altered); with
   * `addBlocks`, also write its blocks file when it has none (a library's writer only).
   */
  | { kind: 'load'; path: string; sha256: string; addBlocks?: boolean };

/** A merge's part: its postings, or the saved file to read them from (checked first). */
export type MergeTaskPart = Omit<MergeInput, 'postings'> &
  ({ postings: PostingData } | { file: PostingsFile });

/** What each task kind answers with. */
export interface WorkerResults {
  build: SegmentPayload;
  judge: (QueryVerdicts | null)[];
  merge: SegmentPayload;
  load: PostingData | null;
}

export type WorkerRequest = PoolRequest<WorkerTask>;

export type WorkerResponse = PoolReply<WorkerResults[WorkerTask['kind']]>;
