// Long background work on the engine's thread (extracting the entities of 100,000 articles just
// imported) makes garbage that outlives the young generation, and V8 lets the old generation
// grow to several times what is live before it collects: the engine's heap went from 250 MB to
// nearly 1 GB during that extraction, and stayed large for the work after it (the peak RSS of
// the 100,000-article build). A full collection each time the heap has grown this much keeps
// it near what is live, for a few pauses of a fraction of a second over minutes of work. The
// buffers the heap's objects hold count too (V8's external memory): a bulk edit's reads and
// writes are buffers, and tagging 14,156 of 100,000 articles left 140-190 MB of them at once.
import { getHeapStatistics } from 'node:v8';
import { trimHeap } from '../search/workers/heap-trim';

/** Growth of the heap (and its buffers) past the last collection's that triggers a full one. */
export const GARBAGE_SLACK_BYTES = 160 * 1024 * 1024;

/** Collects garbage once this thread's heap and buffers grew `slackBytes` past what was live. */
export class GarbageGuard {
  private floor = usedHeap();

  constructor(private readonly slackBytes = GARBAGE_SLACK_BYTES) {}

  /** Call between slices of work; true when it collected. */
  check(): boolean {
    const used = usedHeap();
    // V8 collected on its own since: what is live now is the floor.
    if (used < this.floor) this.floor = used;
    if (used - this.floor <= this.slackBytes) return false;
    const collected = trimHeap(0);
    this.floor = usedHeap();
    return collected;
  }
}

function usedHeap(): number {
  const { used_heap_size, external_memory } = getHeapStatistics();
  return used_heap_size + external_memory;
}
