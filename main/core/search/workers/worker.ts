// Entry of the index worker thread (built to out/main/index-worker.js): builds, merges and
// loads segments so that analysis, Lunr indexing and decoding run off the main thread.
// Postings go back as transferred buffers, so the main thread copies nothing.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../../contract/error-message';
import type { SegmentPayload } from '../segments/build-segment';
import { trimHeap } from './heap-trim';
import { transferList, type PostingData } from '../segments/postings';
import { runTask } from './run-task';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    runTask(msg).then(
      (value) => {
        const reply: WorkerResponse = { id: msg.id, ok: true, value };
        const postings: PostingData | null =
          value === null ? null : 'postings' in value ? (value as SegmentPayload).postings : value;
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
