// Worker entry: hosts one Library off the main thread so imports and index builds never
// block the Electron main process. RemoteEngine on the other side speaks protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { LibraryEngine } from '../engine';
import { Library } from '../library';
import type { FromWorker, HostWorkerData, ToWorker } from './protocol';
import { toWireError } from './wire-error';

const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');
const post = (msg: FromWorker) => port.postMessage(msg);
const data = workerData as HostWorkerData;
const cancels = new Map<number, AbortController>();

async function serve(engine: LibraryEngine, msg: ToWorker): Promise<void> {
  if (msg.type === 'cancel') {
    cancels.get(msg.id)?.abort();
    return;
  }
  const { id, method, args } = msg;
  try {
    let value: unknown;
    if (method === 'importSources') {
      const controller = new AbortController();
      cancels.set(id, controller);
      try {
        value = await engine.importSources(args[0] as never, {
          signal: controller.signal,
          onProgress: (progress) => post({ type: 'progress', id, progress }),
        });
      } finally {
        cancels.delete(id);
      }
    } else if (method === 'reindex') {
      value = await engine.reindex((progress) => post({ type: 'progress', id, progress }));
    } else {
      const fn = engine[method] as (...a: unknown[]) => Promise<unknown>;
      value = await fn.apply(engine, args);
    }
    post({ type: 'result', id, ok: true, value: value ?? null });
  } catch (error) {
    post({ type: 'result', id, ok: false, error: toWireError(error) });
  }
}

async function main(): Promise<void> {
  let engine: LibraryEngine;
  try {
    engine = await Library.open(data.dir, {
      ...data.options,
      onIndexProgress: (progress) => post({ type: 'progress', id: 0, progress }),
    });
  } catch (error) {
    post({ type: 'open-failed', error: toWireError(error) });
    return;
  }
  engine.onChange((change) => post({ type: 'change', change }));
  port!.on('message', (msg: ToWorker) => void serve(engine, msg));
  post({ type: 'ready', path: engine.path, readOnly: engine.readOnly });
}

void main();
