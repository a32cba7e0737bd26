// Entry of the index worker thread (built to out/main/index-worker.js): builds segments so
// that analysis and Lunr indexing of large batches run off the main thread.
import { parentPort } from 'node:worker_threads';
import { buildSegmentPayload } from './build-segment';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    let reply: WorkerResponse;
    try {
      reply = { id: msg.id, ok: true, ...buildSegmentPayload(msg.docs) };
    } catch (e) {
      reply = { id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
