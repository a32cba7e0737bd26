// Runs one index task (build, judge, merge, load); the worker does this, and the index does it on
// the calling thread when it has no worker.
import { buildSegmentData, judgeDocs, mergeSegmentData } from '../segments/build-segment';
import { addBlocksFile, readVerifiedBytes } from '../storage/persistence';
import { decodePostings } from '../segments/postings-codec';
import type { WorkerResults, WorkerTask } from './worker-protocol';

/** Runs a task; a damaged postings file loads as null. */
export async function runTask<K extends WorkerTask['kind']>(
  task: WorkerTask & { kind: K },
): Promise<WorkerResults[K]> {
  const t = task as WorkerTask;
  if (t.kind === 'build') return buildSegmentData(t.docs, t.judging) as WorkerResults[K];
  if (t.kind === 'judge') return judgeDocs(t.docs, t.judging) as WorkerResults[K];
  if (t.kind === 'merge') return mergeSegmentData(t.parts) as WorkerResults[K];
  const bytes = await readVerifiedBytes(t.path, t.sha256);
  if (bytes === null) return null as WorkerResults[K];
  if (t.addBlocks) await addBlocksFile(t.path, t.sha256, bytes);
  try {
    return decodePostings(bytes) as WorkerResults[K];
  } catch {
    // Bytes that match their checksum but do not decode: damaged like any other (see above).
    return null as WorkerResults[K];
  }
}
