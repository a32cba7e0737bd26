// The index documents of a bulk edit (tags on thousands of articles), sent while the next
// articles are read and written: a bounded number of batches at a time, so that the index
// builds while this thread works and neither the documents nor the builds pile up in memory.
import type { IndexDoc, SearchIndexApi } from '../search/types';

/**
 * Documents per index update, one segment build each: as the import's (a build of more costs
 * more CPU per document, docs/benchmarks.md), and one update per chunk the writer writes.
 */
export const FEED_BATCH = 256;
/**
 * Updates out at once. One: its build overlaps the reading and writing of the next chunk. With
 * two, the index never saw a moment without a build until the bulk ended, and then merged
 * everything at once: at 100,000 articles the peak RSS after a bulk tag was ~200-300 MB higher
 * for a second or two less (one run each on a shared machine).
 */
export const FEED_IN_FLIGHT = 1;

/** Sends documents to the index in batches, with at most `inFlight` updates out at once. */
export class IndexFeed {
  private docs: IndexDoc[] = [];
  private readonly out = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly index: () => Promise<SearchIndexApi>,
    private readonly batch = FEED_BATCH,
    private readonly inFlight = FEED_IN_FLIGHT,
  ) {}

  /**
   * Queues documents and sends full batches, each once fewer than `inFlight` updates are out;
   * throws the error of an earlier update, so that a bulk edit stops as when it waited for each.
   */
  async add(docs: readonly IndexDoc[]): Promise<void> {
    this.throwFailure();
    this.docs.push(...docs);
    while (this.docs.length >= this.batch) await this.send(this.docs.splice(0, this.batch));
  }

  /**
   * Sends what is queued (unless an update failed) and waits for every update out; throws the
   * first one's error.
   */
  async settle(): Promise<void> {
    if (this.docs.length > 0) await this.send(this.docs.splice(0)).catch(() => undefined);
    await Promise.all(this.out);
    this.throwFailure();
  }

  private async send(batch: IndexDoc[]): Promise<void> {
    while (this.out.size >= this.inFlight) await Promise.race(this.out);
    this.throwFailure();
    const task: Promise<void> = this.index()
      .then((index) => index.upsert(batch))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.out.delete(task));
    this.out.add(task);
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}
