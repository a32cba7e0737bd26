// Import progress can fire once per file; 10,000 IPC messages in a few seconds would flood
// the renderer. This keeps the first event, then at most one per interval, and flushes the
// last one so the final count is always seen.

/** Wraps `send` so it runs at most once per `intervalMs`; `flush()` sends what is pending. */
export function throttleProgress<T>(
  send: (value: T) => void,
  intervalMs = 50,
  now: () => number = Date.now,
): { push(value: T): void; flush(): void } {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  return {
    push(value) {
      const t = now();
      if (t - last >= intervalMs) {
        last = t;
        pending = null;
        send(value);
      } else {
        pending = { value };
      }
    },
    flush() {
      if (pending) {
        const { value } = pending;
        pending = null;
        last = now();
        send(value);
      }
    },
  };
}
