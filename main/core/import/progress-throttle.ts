// Limits progress callbacks to a steady rate, always delivering the last one.
import type { ImportProgress } from '../../contract/types';

const MIN_INTERVAL_MS = 50;

/** Wraps a progress listener so it runs at most ~20 times a second (plus `final`). */
export function throttleProgress(listener: ((p: ImportProgress) => void) | undefined) {
  let last = 0;
  return {
    report(progress: ImportProgress): void {
      if (!listener) return;
      const now = Date.now();
      if (now - last < MIN_INTERVAL_MS) return;
      last = now;
      listener({ ...progress });
    },
    final(progress: ImportProgress): void {
      listener?.({ ...progress });
    },
  };
}
