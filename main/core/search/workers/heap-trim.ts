// Index workers allocate hundreds of MB of short-lived objects per task (Lunr's builder, the
// term lists of a merge), and V8 lets a worker's heap grow far past what is live before it
// collects: at 100,000 articles the two workers held ~400 MB each, most of it garbage, and the
// process peaked at 2.0 GB. A full collection after a task that leaves the heap large took
// the peak to 1.4 GB for ~5% more import time.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap size above which a finished task is followed by a full collection. */
export const TRIM_ABOVE_BYTES = 128 * 1024 * 1024;

function loadCollector(): (() => void) | null {
  const own: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    // The flag only exposes gc() to contexts made after it. It is turned off again at once:
    // V8 keys compiled code by its flags, so while it was on every chunk loaded after this one
    // missed the command line's code cache, and the cache written at exit missed the next
    // process's first chunks (a cold `search` compiled the engine anew on every run).
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    // A runtime that refuses the flag just never trims: slower to shrink, nothing lost.
    return null;
  }
}

const collect = loadCollector();

/** Collects garbage now when this thread's heap is above the limit; true when it did. */
export function trimHeap(limit = TRIM_ABOVE_BYTES): boolean {
  if (!collect || getHeapStatistics().used_heap_size <= limit) return false;
  collect();
  return true;
}
