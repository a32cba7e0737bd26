// Entry of an import parse worker (built to out/main/parse-worker.js): decoding, parsing and
// language detection of a batch of files run here so the importing thread only reads,
// decides duplicates and writes.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../contract/error-message';
import { parseJobs } from './parse-jobs';
import type { ParseRequest, ParseResponse } from './parse-protocol';

const port = parentPort;
if (port) {
  port.on('message', (msg: ParseRequest) => {
    let reply: ParseResponse;
    try {
      reply = { id: msg.id, ok: true, value: parseJobs(msg.jobs) };
    } catch (e) {
      reply = { id: msg.id, ok: false, error: errorMessage(e) };
    }
    port.postMessage(reply);
  });
}
