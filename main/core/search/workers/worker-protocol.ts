// Messages between the index and its worker threads.
import type { MergeInput, SegmentPayload } from '../segments/build-segment';
import type { PostingData } from '../segments/postings';
import type { IndexDoc } from '../types';

export type WorkerTask =
  | { kind: 'build'; docs: IndexDoc[] }
  | { kind: 'merge'; parts: MergeInput[] }
  /** Read, verify and decode a persisted postings file (null when missing or altered). */
  | { kind: 'load'; path: string; sha256: string };

/** What each task kind answers with. */
export interface WorkerResults {
  build: SegmentPayload;
  merge: SegmentPayload;
  load: PostingData | null;
}

export type WorkerRequest = WorkerTask & { id: number };

export type WorkerResponse =
  | { id: number; ok: true; value: WorkerResults[WorkerTask['kind']] }
  | { id: number; ok: false; error: string };
