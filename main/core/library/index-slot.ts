// Holds the library's search index: opens it in the background, replaces it on reindex.
import { rm } from 'node:fs/promises';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import type { IndexProgress, SearchIndexApi } from '../search/types';

/** The current index plus the state of its (background) open. */
export class IndexSlot {
  private index: SearchIndexApi;
  private ready: Promise<void> = Promise.resolve();
  private error: unknown = null;

  constructor(
    private readonly make: () => SearchIndexApi,
    private readonly dir: string,
  ) {
    this.index = make();
  }

  /** The index as it is now, for calls that need no loaded segments (highlight, stats). */
  get current(): SearchIndexApi {
    return this.index;
  }

  /**
   * Articles the current index could not index (each failed alone, so it cannot be found;
   * the others are indexed), as stats().problems lists files: path and reason.
   */
  problems(pathOf: (id: string) => string): { path: string; reason: string }[] {
    return (this.index.problems?.() ?? []).map((p) => ({
      path: pathOf(p.id),
      reason: `could not be indexed, so search cannot find it: ${p.reason}`,
    }));
  }

  /** Starts opening the index; list() and get() never wait for this. */
  start(expected: Map<string, number>, onProgress?: (p: IndexProgress) => void): void {
    this.error = null;
    this.ready = this.index.open(expected, onProgress).catch((e: unknown) => {
      this.error = e;
    });
  }

  /** The index once open; INTERNAL when opening it failed. */
  async get(): Promise<SearchIndexApi> {
    await this.ready;
    if (this.error) {
      const reason = errorMessage(this.error);
      throw new ArchiveError(
        'INTERNAL',
        `The search index could not be opened: ${reason}. Try reindexing.`,
      );
    }
    return this.index;
  }

  /** Throws the index away and builds a new one from the article files. */
  async rebuild(expected: Map<string, number>, onProgress?: (p: IndexProgress) => void) {
    await this.ready;
    await this.index.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
    this.index = this.make();
    this.start(expected, onProgress);
    await this.get();
  }

  /** Waits for the open to settle, then closes the index. */
  async close(): Promise<void> {
    await this.ready;
    await this.index.close();
  }
}
