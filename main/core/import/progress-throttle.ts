// Import progress can change once per file; 10,000 messages in a few seconds would flood the
// thread boundary and the renderer. The import throttles what it reports and the API
// throttles what it sends on (a remote engine's progress arrives in bursts), with the same
// rules: the first value goes at once, then at most one per interval, and the last one is
// never lost.

/** A rate-limited sender of progress values. */
export interface ProgressThrottle<T> {
  /** Sends now when the interval has passed since the last send, else keeps it as pending. */
  report(value: T): void;
  /** Sends the pending value, if any. */
  flush(): void;
  /** Sends this value now, whatever the interval (the end of the work). */
  final(value: T): void;
}

/**
 * Wraps `send` (which may be absent: then nothing is sent) so it runs at most once per
 * `intervalMs`. A value reported is sent as it is at send time: callers that mutate one
 * progress object pass a `send` that copies it.
 */
export function throttleProgress<T>(
  send: ((value: T) => void) | undefined,
  intervalMs = 50,
  now: () => number = Date.now,
): ProgressThrottle<T> {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  const deliver = (value: T) => {
    pending = null;
    last = now();
    send?.(value);
  };
  return {
    report(value) {
      if (!send) return;
      if (now() - last >= intervalMs) deliver(value);
      else pending = { value };
    },
    flush() {
      if (pending) deliver(pending.value);
    },
    final(value) {
      deliver(value);
    },
  };
}
