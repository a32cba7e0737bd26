// Memory sampling for the scale probe: what this thread holds at the moment the process's
// RSS is highest. Node 20 cannot ask a worker for its heap, so the workers' heaps, their
// code and native allocations show as the rest of the RSS.
import { performance } from 'node:perf_hooks';

/** MB figures at the highest RSS seen, and when it was (ms since sampling began). */
export interface MemoryPeak {
  atMs: number;
  rssMb: number;
  mainHeapUsedMb: number;
  mainHeapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** RSS minus the main heap and external memory: workers' heaps, code, native buffers. */
  restMb: number;
}

const mb = (n: number): number => Math.round(n / 1048576);

/** Samples every `everyMs` (more often when `fine`); `stop()` ends it, `peak` is the result. */
export function sampleMemory(fine: boolean, everyMs = fine ? 100 : 500) {
  const t0 = performance.now();
  const state = {
    peak: {
      atMs: 0,
      rssMb: 0,
      mainHeapUsedMb: 0,
      mainHeapTotalMb: 0,
      externalMb: 0,
      arrayBuffersMb: 0,
      restMb: 0,
    } as MemoryPeak,
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (mb(m.rss) <= state.peak.rssMb) return;
    state.peak = {
      atMs: Math.round(performance.now() - t0),
      rssMb: mb(m.rss),
      mainHeapUsedMb: mb(m.heapUsed),
      mainHeapTotalMb: mb(m.heapTotal),
      externalMb: mb(m.external),
      arrayBuffersMb: mb(m.arrayBuffers),
      restMb: mb(m.rss - m.heapTotal - m.external),
    };
  }, everyMs);
  timer.unref();
  return state;
}
