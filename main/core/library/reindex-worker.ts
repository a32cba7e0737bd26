// Entry of a reindex worker (built to out/main/reindex-worker.js): a reindex reads each article
// once on the library's thread and decodes, cleans, dates, signs and extracts entities here.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../contract/error-message';
import { prepareBatch, type ReindexRequest, type ReindexResponse } from './reindex-prepare';

const port = parentPort;
if (port) {
  port.on('message', (msg: ReindexRequest) => {
    let reply: ReindexResponse;
    try {
      reply = { id: msg.id, ok: true, value: prepareBatch(msg.jobs) };
    } catch (e) {
      reply = { id: msg.id, ok: false, error: errorMessage(e) };
    }
    port.postMessage(reply);
  });
}
