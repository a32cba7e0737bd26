// Saving a cache file (entities.json, versions.bin) a little after a change instead of at once.
// Each is rewritten whole, ~5 MB and 60-170 ms of the engine's thread at 100,000 articles: done
// right after an import of one file, it made the import and the search for what it added wait
// (one added article took 1.2-1.3 s to be found at 100,000; docs/benchmarks.md). A burst of small
// changes (a watched folder, files dropped one by one) is then one write, not one each. The files
// are caches, so a save lost to a crash costs the next open some recomputing, never an article.
import type { Foreground } from './foreground';

/** How long after a change a cache file is saved (and later still while searches run). */
export const CACHE_SAVE_DELAY_MS = 2_000;

/** Runs `save` later (schedule) or now (now), one run at a time, never two at once. */
export class DeferredSave {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private hurry = false;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly foreground: Foreground,
    private readonly delayMs = CACHE_SAVE_DELAY_MS,
  ) {}

  /** Saves in `delayMs`, once no search has run for a moment; one timer however many calls. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // The save reports nothing: a cache that failed to save is computed again next time.
      this.run(true).catch(() => undefined);
    }, this.delayMs);
    // A process that ends without closing the library loses only the cache's last changes.
    this.timer.unref();
  }

  /** Saves now, after any save under way (a scheduled one stops waiting for quiet). */
  now(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.hurry = true;
    return this.run(false);
  }

  private run(whenQuiet: boolean): Promise<void> {
    const go = async (): Promise<void> => {
      if (whenQuiet) await this.foreground.quiet(() => this.hurry);
      this.hurry = false;
      await this.save();
    };
    this.running = this.running.then(go, go);
    return this.running;
  }
}
