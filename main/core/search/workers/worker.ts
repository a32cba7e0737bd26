// Entry of the index worker thread (built to out/main/index-worker.js): builds, merges and
// loads segments (and judges an import's small chunks by its tagging rules) so that analysis,
// Lunr indexing and decoding run off the main thread. Postings go back as transferred
// buffers, so the main thread copies nothing.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../../contract/error-message';
import type { SegmentPayload } from '../segments/build-segment';
import { trimHeap } from './heap-trim';
import { transferList, type PostingData } from '../segments/postings';
import { runTask } from './run-task';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** The postings a task's answer carries (their buffers are transferred, not copied). */
function postingsIn(kind: WorkerRequest['kind'], value: unknown): PostingData | null {
  if (kind === 'load') return value as PostingData | null;
  if (kind === 'judge') return null;
  return (value as SegmentPayload).postings;
}

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    runTask(msg).then(
      (value) => {
        const reply: WorkerResponse = { id: msg.id, ok: true, value };
        const postings = postingsIn(msg.kind, value);
        port.postMessage(reply, postings ? transferList(postings) : []);
        trimHeap();
      },
      (e: unknown) => {
        const reply: WorkerResponse = {
          id: msg.id,
          ok: false,
          error: errorMessage(e),
        };
        port.postMessage(reply);
      },
    );
  });
}
