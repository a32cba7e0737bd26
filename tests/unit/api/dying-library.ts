// Test-only: makes Library.open hand out engines whose search can kill the thread it runs on,
// in each way an engine worker dies for real. Imported by dying-engine-worker.ts before the
// real engine worker, which then opens its library through this.
import { basename } from 'node:path';
import type { LibraryEngine } from '../../../main/core/engine';
import { Library } from '../../../main/core/library';
import { DEATHS, DEATH_EXIT_CODE, DIES_ON_OPEN } from './engine-deaths';

const open = Library.open.bind(Library);
Library.open = async (dir, options) => {
  const engine = await open(dir, options);
  if (basename(dir) === DIES_ON_OPEN) process.exit(DEATH_EXIT_CODE);
  return mortal(engine);
};

function mortal(engine: LibraryEngine): LibraryEngine {
  const search = engine.search.bind(engine);
  engine.search = async (query) => {
    if (query.query === DEATHS.outOfMemory) exhaustHeap();
    if (query.query === DEATHS.exit) process.exit(DEATH_EXIT_CODE);
    if (query.query === DEATHS.uncaught) {
      // Thrown from a microtask: after this call has started, before the next one can.
      queueMicrotask(() => {
        throw new Error('thrown outside any call');
      });
      return new Promise(() => undefined);
    }
    return search(query);
  };
  return engine;
}

/** Keeps allocating until V8 stops the thread at its heap cap. */
function exhaustHeap(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i + hoard.length));
}
