// Runs one index task (build, judge, merge, load); the worker does this, and the index does it on
// the calling thread when it has no worker.
import { basename } from 'node:path';
import {
  buildSegmentData,
  judgeDocs,
  mergeSegmentData,
  type MergeInput,
} from '../segments/build-segment';
import { addBlocksFile, readVerifiedBytes } from '../storage/persistence';
import { decodePostings } from '../segments/postings-codec';
import type { MergeTaskPart, WorkerResults, WorkerTask } from './worker-protocol';

/** Runs a task; a damaged postings file loads as null. */
export async function runTask<K extends WorkerTask['kind']>(
  task: WorkerTask & { kind: K },
): Promise<WorkerResults[K]> {
  const t = task as WorkerTask;
  if (t.kind === 'build') return buildSegmentData(t.docs, t.judging) as WorkerResults[K];
  if (t.kind === 'judge') return judgeDocs(t.docs, t.judging) as WorkerResults[K];
  if (t.kind === 'merge') {
    const parts = await Promise.all(t.parts.map(readMergePart));
    return mergeSegmentData(parts) as WorkerResults[K];
  }
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

/** A merge part with its postings in hand, read and checked from its file when it names one. */
async function readMergePart(part: MergeTaskPart): Promise<MergeInput> {
  if ('postings' in part) return part;
  const bytes = await readVerifiedBytes(part.file.path, part.file.sha256);
  if (bytes === null) throw new Error(`${basename(part.file.path)} is missing or altered`);
  // Views on the bytes read: the merge only reads them, on this thread.
  return { docs: part.docs, keep: part.keep, postings: decodePostings(bytes, false) };
}
