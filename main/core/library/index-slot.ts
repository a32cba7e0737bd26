// Holds the library's search index: opens it in the background, replaces it on reindex.
import { rm } from 'node:fs/promises';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import type { ExpectedRevisions, IndexProgress, SearchIndexApi } from '../search/types';

/** The current index plus the state of its (background) open. */
export class IndexSlot {
  private index: SearchIndexApi;
  private ready: Promise<void> = Promise.resolve();
  private error: unknown = null;
  // The open a deferred start postponed, run by the first call that needs the index.
  private deferred: (() => void) | null = null;

  constructor(
    private readonly make: () => SearchIndexApi,
    private readonly dir: string,
  ) {
    this.index = make();
  }

  /** The index as it is now, for calls that need no loaded segments (highlight, stats). */
  get current(): SearchIndexApi {
    this.begin();
    return this.index;
  }

  /**
   * Articles the current index could not index (each failed alone, so it cannot be found;
   * the others are indexed), as stats().problems lists files: path and reason.
   */
  problems(pathOf: (id: string) => string): { path: string; reason: string }[] {
    this.begin();
    return (this.index.problems?.() ?? []).map((p) => ({
      path: pathOf(p.id),
      reason: `could not be indexed, so search cannot find it: ${p.reason}`,
    }));
  }

  /**
   * Starts opening the index; list() and get() never wait for this. Deferred, the open waits
   * for the first call that uses the index (a command-line `list` never does).
   */
  start(
    expected: ExpectedRevisions | (() => ExpectedRevisions),
    onProgress?: (p: IndexProgress) => void,
    deferred = false,
  ): void {
    if (deferred) {
      let begun = (): void => undefined;
      const waiting = new Promise<void>((done) => (begun = done));
      this.deferred = () => {
        this.start(expected, onProgress);
        begun();
      };
      // Until then the open "in progress" is one that has not begun.
      this.ready = waiting.then(() => this.ready);
      return;
    }
    this.deferred = null;
    this.error = null;
    // A deferred open learns the catalogue's revisions only when it begins (never, for a `list`).
    const revs = typeof expected === 'function' ? expected() : expected;
    this.ready = this.index.open(revs, onProgress).catch((e: unknown) => {
      this.error = e;
    });
  }

  /** The index once open; INTERNAL when opening it failed. */
  async get(): Promise<SearchIndexApi> {
    this.begin();
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
    this.forgetDeferred();
    await this.ready;
    await this.index.close({ discard: true }).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
    this.index = this.make();
    this.start(expected, onProgress);
    await this.get();
  }

  /** Resolves once the open has settled; a deferred open is waited for, never started. */
  async opened(): Promise<void> {
    await this.ready;
  }

  /** Waits for the open to settle, then closes the index (never opened, when deferred). */
  async close(): Promise<void> {
    this.forgetDeferred();
    await this.ready;
    await this.index.close();
  }

  private begin(): void {
    this.deferred?.();
  }

  /** Drops an open that never began, so nothing waits for it. */
  private forgetDeferred(): void {
    if (!this.deferred) return;
    this.deferred = null;
    this.ready = Promise.resolve();
  }
}
