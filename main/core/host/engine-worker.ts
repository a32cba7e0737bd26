// Worker entry (built to out/main/engine-host.js): hosts one Library off the main thread so
// imports and index builds never block the Electron main process. It serves any method of
// ENGINE_METHODS the same way; the proxy on the other side is remote-engine.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { LibraryEngine } from '../engine';
import type { EngineMethod } from '../engine-methods';
import { Library } from '../library';
import { reviveArgs } from './marshal';
import { parseHostWorkerData, parseToWorker, type FromWorker } from './protocol';
import { toWireError } from './wire-error';

const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');
const post = (msg: FromWorker) => port.postMessage(msg);
const data = parseHostWorkerData(workerData);
/** Signals of running calls, by call id and slot. */
const signals = new Map<number, AbortController[]>();

/** Runs one call of a table method, with stand-ins for the caller's callbacks and signals. */
async function call(engine: LibraryEngine, id: number, method: EngineMethod, args: unknown[]) {
  const controllers: AbortController[] = [];
  signals.set(id, controllers);
  try {
    const revived = reviveArgs(args, {
      function:
        (slot) =>
        (...callbackArgs) =>
          post({ type: 'callback', id, slot, args: callbackArgs }),
      signal: (slot, aborted) => {
        const controller = new AbortController();
        if (aborted) controller.abort();
        controllers[slot] = controller;
        return controller.signal;
      },
    });
    // Every name in the table is a method of the interface (engine-methods.ts checks it),
    // and the caller's arguments came through that method's typed signature.
    const fn = engine[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(engine, revived);
    post({ type: 'result', id, value: value ?? null });
  } catch (error) {
    post({ type: 'failure', id, error: toWireError(error) });
  } finally {
    signals.delete(id);
  }
}

async function main(): Promise<void> {
  let engine: LibraryEngine;
  try {
    engine = await Library.open(data.dir, {
      ...data.options,
      onIndexProgress: (progress) => post({ type: 'open-progress', progress }),
    });
  } catch (error) {
    post({ type: 'open-failed', error: toWireError(error) });
    return;
  }
  engine.onChange((change) => post({ type: 'change', change }));
  port!.on('message', (raw: unknown) => {
    const msg = parseToWorker(raw);
    if (!msg) {
      process.emitWarning('The engine worker got a message it does not understand.');
      return;
    }
    if (msg.type === 'abort') signals.get(msg.id)?.[msg.slot]?.abort();
    else void call(engine, msg.id, msg.method, msg.args);
  });
  post({ type: 'ready', path: engine.path, readOnly: engine.readOnly });
}

void main();
