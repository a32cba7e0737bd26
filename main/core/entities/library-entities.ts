// The library's people, organisations and places: loaded from their cache (entity-cache.ts),
// and extracted in the background, in short slices between the engine's calls, for articles
// the cache lacks (just imported, or a library from before this feature). An import never
// waits for them: extraction is off its path, and the facets say how many are pending.
import type { ArticleEntities } from '../../contract/entities';
import type { ArticleStore } from '../store/article-store';
import type { Catalog } from '../store/catalog';
import { CLEANER_VERSION } from '../text/parse-article';
import { loadArticle } from '../library/article-text';
import {
  readEntityCache,
  writeEntityCache,
  type EntityCacheKey,
  type TypedName,
} from './entity-cache';
import { EntityIndex } from './entity-index';
import { EXTRACTOR_VERSION, extractEntities } from './extract-entities';
import { Foreground } from '../library/foreground';
import { GarbageGuard } from '../library/garbage-guard';
import { DeferredSave } from '../library/deferred-save';

const CACHE_KEY: EntityCacheKey = {
  extractorVersion: EXTRACTOR_VERSION,
  cleanerVersion: CLEANER_VERSION,
};

// Extraction runs this long at a time, then lets the engine answer calls waiting meanwhile.
const SLICE_MS = 12;
// Imported texts kept for extraction, at most; beyond it an article is read again from its file.
const QUEUED_TEXTS = 2_000;
// Closing goes on extracting this long at most, so a command-line import of a few thousand
// articles leaves them all in the cache; the rest is extracted at the next open.
const CLOSE_BUDGET_MS = 3_000;

/** What extraction needs of an article just imported. */
export interface EntitySource {
  id: string;
  title: string;
  body: string;
  language: string;
  place: string | null;
}

/** The entities of one article as the cache keeps them, from its text. */
export function typedNames(e: ArticleEntities): TypedName[] {
  return [
    ...e.people.map((name) => ({ type: 'person' as const, name })),
    ...e.organisations.map((name) => ({ type: 'organisation' as const, name })),
    ...e.places.map((name) => ({ type: 'place' as const, name })),
  ];
}

/** Extracts from an article's title and clean body (the dateline's place counts too). */
export function entitiesOfText(s: Omit<EntitySource, 'id'>): TypedName[] {
  return typedNames(extractEntities(`${s.title}\n\n${s.body}`, s.language, s.place));
}

export class LibraryEntities {
  readonly index = new EntityIndex();
  // Articles waiting for extraction, with their text when an import handed it over.
  private readonly queue = new Map<string, EntitySource | null>();
  private loading: Promise<void> = Promise.resolve();
  private pumping: Promise<void> | null = null;
  private loaded = false;
  private dirty = false;
  private closed = false;
  private readonly waiters: (() => void)[] = [];
  // Imports under way: extraction waits for them, so it never shares their thread.
  private holds = 0;
  private readonly saver: DeferredSave;

  constructor(
    private readonly dir: string,
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly readOnly: boolean,
    /** Told when a round of background extraction has finished. */
    private readonly onExtracted: () => void = () => undefined,
    /** Searches running or just run: extraction waits for a quiet moment between slices. */
    private readonly foreground: Foreground = new Foreground(),
  ) {
    this.saver = new DeferredSave(() => this.write(), foreground);
  }

  /** Loads the cache and queues what it lacks, in the background. */
  start(): void {
    this.loading = this.load(false);
  }

  /**
   * Forgets every article's entities and extracts them all again from the article files;
   * `computed` holds those a reindex's one pass over the articles extracted already.
   */
  async rebuild(computed?: ReadonlyMap<string, TypedName[]>): Promise<void> {
    await this.loading.catch(() => undefined);
    this.loading = this.load(true, computed);
    await this.loading;
    await this.idle();
    await this.flush();
  }

  private async load(fresh: boolean, computed?: ReadonlyMap<string, TypedName[]>): Promise<void> {
    this.loaded = false;
    const cached = fresh ? null : await readEntityCache(this.dir, CACHE_KEY).catch(() => null);
    if (fresh) this.index.clear();
    for (const [id, names] of cached ?? []) {
      if (this.catalog.records.has(id) && !this.index.has(id)) this.index.set(id, names);
    }
    if (!cached || cached.size !== this.catalog.records.size) this.dirty = true;
    for (const id of this.catalog.records.keys()) {
      const names = computed?.get(id);
      if (names && !this.index.has(id)) {
        this.index.set(id, names);
        this.queue.delete(id);
      } else if (!this.index.has(id) && !this.queue.has(id)) this.queue.set(id, null);
    }
    this.loaded = true;
    // A read-only open (the command line) cannot save what it extracts, so it extracts only
    // when a call needs every article's names (idle()), not for a search or a list.
    if (!this.readOnly) this.pump();
  }

  /** Queues the articles of an import (their text at hand); returns at once. */
  addDocs(docs: readonly EntitySource[]): void {
    for (const d of docs) {
      this.queue.set(d.id, this.queue.size < QUEUED_TEXTS ? d : null);
    }
    if (this.loaded) this.pump();
  }

  /** Drops the entities of articles no longer in the catalogue (purged). */
  sync(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.catalog.records.has(id)) continue;
      this.queue.delete(id);
      if (this.index.delete(id)) this.dirty = true;
    }
  }

  /** Articles whose entities are not known yet. */
  pending(): number {
    return this.loaded ? this.queue.size : this.catalog.records.size - this.index.size;
  }

  /** The entities the cache file holds for this cleaner and extractor (none when unreadable). */
  async cachedNames(): Promise<ReadonlyMap<string, TypedName[]>> {
    return (await readEntityCache(this.dir, CACHE_KEY).catch(() => null)) ?? new Map();
  }

  /** Resolves once the cache is read (names it lacks stay unknown until extracted). */
  async cacheRead(): Promise<void> {
    await this.loading;
  }

  /** Resolves once every article's entities are known (the command line waits for this). */
  async idle(): Promise<void> {
    await this.loading;
    // An empty queue is not enough: the slice under way has taken articles it has not finished.
    // Awaited, not waited for with the others: a round that has already settled tells no one.
    if (this.queue.size === 0 && this.pumping) await this.pumping.catch(() => undefined);
    if (this.queue.size === 0) return;
    this.pump();
    await new Promise<void>((done) => this.waiters.push(done));
  }

  /** An article's entities: known ones, else extracted now from its text (and kept). */
  entitiesOf(id: string, text: Omit<EntitySource, 'id'>): ArticleEntities {
    if (!this.index.has(id)) {
      this.index.set(id, entitiesOfText(text));
      this.queue.delete(id);
      this.dirty = true;
    }
    return this.index.entitiesOf(id);
  }

  /** Pauses extraction until the returned function is called (an import is running). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.loaded) this.pump();
    };
  }

  private pump(): void {
    if (this.pumping || this.closed || this.holds > 0 || this.queue.size === 0) {
      if (this.queue.size === 0) this.settle();
      return;
    }
    this.pumping = (async () => {
      let extracted = 0;
      // Extraction's garbage piles up in the old generation (garbage-guard.ts).
      const garbage = new GarbageGuard();
      while (!this.closed && this.holds === 0 && this.queue.size > 0) {
        // Someone waiting for every name (idle()) outranks a search's latency.
        await this.foreground.quiet(() => this.closed || this.waiters.length > 0);
        const until = performance.now() + SLICE_MS;
        while (!this.closed && this.queue.size > 0 && performance.now() < until) {
          const [id, source] = this.queue.entries().next().value!;
          this.queue.delete(id);
          const names = source ? entitiesOfText(source) : await this.fromFile(id);
          if (names && this.catalog.records.has(id)) {
            this.index.set(id, names);
            this.dirty = true;
            extracted++;
          }
        }
        garbage.check();
        await new Promise((done) => setImmediate(done));
      }
      if (this.closed || this.holds > 0) return;
      if (extracted > 0) this.onExtracted();
      this.settle();
      this.saver.schedule();
    })().finally(() => {
      this.pumping = null;
      // Articles imported while the round was ending.
      if (!this.closed && this.holds === 0 && this.queue.size > 0) this.pump();
    });
  }

  private settle(): void {
    if (this.queue.size > 0) return;
    for (const done of this.waiters.splice(0)) done();
  }

  private async fromFile(id: string): Promise<TypedName[] | null> {
    const record = this.catalog.records.get(id);
    if (!record) return null;
    try {
      const { clean } = await loadArticle(this.store, id);
      return entitiesOfText({
        title: record.title,
        body: clean.body,
        language: record.language,
        place: clean.place,
      });
    } catch {
      // An unreadable article names nobody; check and stats report the file itself.
      return [];
    }
  }

  /** Saves the cache now when it changed (a read-only open keeps it in memory). */
  flush(): Promise<void> {
    return this.saver.now();
  }

  private async write(): Promise<void> {
    if (!this.dirty || this.readOnly || !this.loaded) return;
    this.dirty = false;
    try {
      await writeEntityCache(this.dir, this.index.all(), CACHE_KEY);
    } catch {
      // A cache: the next open extracts what is missing.
      this.dirty = true;
    }
  }

  /** Extracts for a little longer, then stops and saves what is known (the rest: next open). */
  async close(): Promise<void> {
    await this.loading.catch(() => undefined);
    if (this.queue.size > 0 && !this.readOnly) {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((done) => (timer = setTimeout(done, CLOSE_BUDGET_MS)));
      await Promise.race([this.idle(), budget]);
      clearTimeout(timer);
    }
    this.closed = true;
    await this.pumping;
    await this.flush();
    for (const done of this.waiters.splice(0)) done();
  }
}
