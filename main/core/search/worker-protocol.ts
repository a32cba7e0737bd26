// Messages between the index and its worker threads.
import type { SegmentDocs } from './segment';
import type { IndexDoc } from './types';

export interface WorkerRequest {
  id: number;
  docs: IndexDoc[];
}

export type WorkerResponse =
  | { id: number; ok: true; docs: SegmentDocs; json: string }
  | { id: number; ok: false; error: string };
