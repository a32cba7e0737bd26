// Background work (version groups, entity extraction) on the engine's thread yields to
// searches: a slice of it delays every query that arrives meanwhile, and at 100,000 articles
// the groups alone are seconds of slices (query p95 84 ms against 46 ms with them waiting).

/** How long after the last search background work keeps waiting. */
export const FOREGROUND_QUIET_MS = 500;

/** When the engine last served a search; background work waits while one is recent. */
export class Foreground {
  private last = -Infinity;
  private active = 0;

  /** Marks a search running until the returned function is called. */
  begin(): () => void {
    this.active++;
    this.last = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active--;
      this.last = performance.now();
    };
  }

  /** True while a search runs or one ended less than FOREGROUND_QUIET_MS ago. */
  busy(now = performance.now()): boolean {
    return this.active > 0 || now - this.last < FOREGROUND_QUIET_MS;
  }

  /** Resolves once no search has run for FOREGROUND_QUIET_MS (or `stop()` holds). */
  async quiet(stop: () => boolean = () => false): Promise<void> {
    while (this.busy() && !stop()) {
      await new Promise((done) => setTimeout(done, FOREGROUND_QUIET_MS / 2));
    }
  }
}
