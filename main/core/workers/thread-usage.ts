// How busy each thread was, for probes and benchmarks: the event-loop utilisation of the
// calling thread and of every pool worker started while recording is on. Node 20 has no CPU
// time per thread; a worker's loop is busy exactly while it runs a task (GC included), so
// its utilisation is the share of time it worked, and the rest is time it waited for work.
import type { EventLoopUtilization } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';

/** Busy and idle time of one thread over a period. */
export interface ThreadUsage {
  name: string;
  activeMs: number;
  idleMs: number;
}

interface Watched {
  name: string;
  worker: Worker;
  /** Its utilisation when it stopped (a stopped worker can no longer be asked). */
  final: EventLoopUtilization | null;
}

let watched: Watched[] | null = null;
let mainStart: EventLoopUtilization | null = null;

/** Starts recording: workers started from now on are watched (off by default: it keeps them). */
export function recordThreadUsage(): void {
  watched = [];
  mainStart = performance.eventLoopUtilization();
}

/** Called by worker pools for each thread they start. */
export function watchThread(name: string, worker: Worker): void {
  watched?.push({ name, worker, final: null });
}

/** Called by worker pools right before they stop a thread, while it can still be asked. */
export function retireThread(worker: Worker): void {
  const w = watched?.find((x) => x.worker === worker && x.final === null);
  if (w) w.final = worker.performance.eventLoopUtilization();
}

/** Busy and idle time of the calling thread ("main") and of each watched worker so far. */
export function threadUsage(): ThreadUsage[] {
  if (!watched || !mainStart) return [];
  const main = performance.eventLoopUtilization(mainStart);
  const out: ThreadUsage[] = [{ name: 'main', activeMs: main.active, idleMs: main.idle }];
  const seen = new Map<string, number>();
  for (const w of watched) {
    const u = w.final ?? w.worker.performance.eventLoopUtilization();
    const n = (seen.get(w.name) ?? 0) + 1;
    seen.set(w.name, n);
    out.push({ name: `${w.name} ${n}`, activeMs: u.active, idleMs: u.idle });
  }
  return out;
}
