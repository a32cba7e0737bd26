// The library's version groups: signatures from the cache file (store/signature-cache.ts),
// computed from the article files for any article it lacks, and the in-memory groups over the
// articles not in the trash, kept in step with imports, trash, restore and purge.
import type { Catalog } from '../store/catalog';
import type { ArticleStore } from '../store/article-store';
import {
  readSignatureCache,
  writeSignatureCache,
  type SignatureCacheKey,
} from '../store/signature-cache';
import {
  nearSignature,
  SHINGLE_WORDS,
  SIGNATURE_BINS,
  SIGNATURE_BYTES,
} from '../text/near-signature';
import { CLEANER_VERSION } from '../text/parse-article';
import { loadArticle } from './article-text';
import { VersionGroups } from './version-groups';

const CACHE_KEY: SignatureCacheKey = {
  shingleWords: SHINGLE_WORDS,
  bins: SIGNATURE_BINS,
  cleanerVersion: CLEANER_VERSION,
  bytes: SIGNATURE_BYTES,
};

// Articles grouped between two turns of the event loop while the groups are built at open.
const GROUP_CHUNK = 2_000;

/** One group of versions: its ids (sorted) and the title of its first member. */
export interface VersionGroup {
  ids: string[];
  title: string;
}

/**
 * Signatures and version groups of one library. The signatures are loaded (and any missing
 * computed) at open; the groups are built on first use, since grouping 100,000 articles costs
 * seconds of CPU that the first searches of a cold open should not share.
 */
export class LibraryVersions {
  private sigs = new Map<string, Uint8Array>();
  private groups: VersionGroups | null = null;
  private loading: Promise<void> = Promise.resolve();
  private grouping: Promise<VersionGroups> | null = null;
  private dirty = false;
  private closed = false;
  /** The signatures of every article are known (the load finished). */
  private loaded = false;

  constructor(
    private readonly dir: string,
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly readOnly: boolean,
  ) {}

  /** Loads the cache and computes what it lacks, in the background. */
  start(): void {
    this.loading = this.load(false);
  }

  /** Forgets every signature and computes them all again from the article files. */
  async rebuild(): Promise<void> {
    await this.loading.catch(() => undefined);
    await this.grouping?.catch(() => undefined);
    this.groups = null;
    this.grouping = null;
    this.loading = this.load(true);
    await this.loading;
    await this.flush();
  }

  private async load(fresh: boolean): Promise<void> {
    this.loaded = false;
    const cached = fresh ? null : await readSignatureCache(this.dir, CACHE_KEY).catch(() => null);
    const known = fresh ? new Map<string, Uint8Array>() : this.sigs;
    for (const [id, sig] of cached ?? []) {
      if (!known.has(id) && this.catalog.records.has(id)) known.set(id, sig);
    }
    this.sigs = known;
    if (!cached || cached.size !== this.catalog.records.size) this.dirty = true;
    for (const id of [...this.catalog.records.keys()]) {
      // Closing does not wait for a library's worth of files: the next open goes on.
      if (this.closed) return;
      if (this.sigs.has(id)) continue;
      const sig = await this.compute(id);
      if (sig) this.sigs.set(id, sig);
      this.dirty = true;
    }
    for (const id of this.sigs.keys()) if (!this.catalog.records.has(id)) this.sigs.delete(id);
    this.loaded = true;
  }

  /** The groups, built once the signatures are loaded (on first use). */
  private ensureGroups(): Promise<VersionGroups> {
    this.grouping ??= (async () => {
      await this.loading;
      const groups = new VersionGroups();
      let added = 0;
      for (const [id, sig] of [...this.sigs]) {
        if (this.catalog.records.get(id)?.trashedAt === null) groups.add(id, sig);
        // Seconds of CPU at 100,000 articles: the engine keeps answering meanwhile.
        if (++added % GROUP_CHUNK === 0) await new Promise((done) => setImmediate(done));
      }
      // Imports, trash and purges that came while grouping (sync skipped them until now).
      for (const [id, sig] of this.sigs) {
        const live = this.catalog.records.get(id)?.trashedAt === null;
        if (live && !groups.has(id)) groups.add(id, sig);
        else if (!live && groups.has(id)) groups.remove(id);
      }
      for (const id of [...groups.ids()]) if (!this.sigs.has(id)) groups.remove(id);
      this.groups = groups;
      return groups;
    })();
    return this.grouping;
  }

  private async compute(id: string): Promise<Uint8Array | null> {
    try {
      return nearSignature((await loadArticle(this.store, id)).clean.body);
    } catch {
      // An unreadable article has no versions; check and stats report the file itself.
      return null;
    }
  }

  /** Records the signatures of newly imported articles (called before their change is sent). */
  addBodies(articles: { id: string; body: string }[]): void {
    for (const { id, body } of articles) {
      const sig = nearSignature(body);
      if (!sig) continue;
      this.sigs.set(id, sig);
      this.dirty = true;
    }
  }

  /** Brings these articles' membership in line with the catalogue (import, trash, purge). */
  sync(ids: readonly string[]): void {
    for (const id of ids) {
      const record = this.catalog.records.get(id);
      if (!record && this.sigs.delete(id)) this.dirty = true;
      const groups = this.groups;
      if (!groups) continue;
      const sig = this.sigs.get(id);
      if (record && record.trashedAt === null && sig) {
        if (!groups.has(id)) groups.add(id, sig);
      } else groups.remove(id);
    }
  }

  /** Saves the cache when it changed (a read-only open keeps it in memory). */
  async flush(): Promise<void> {
    if (!this.dirty || this.readOnly) return;
    // Saved only complete: a cache missing the signatures still loading would be read as a
    // library's worth of articles to sign again. An import does not wait for that load (an
    // upgraded library signs every article once); closing does, or stops it and keeps the
    // old cache.
    if (!this.loaded) {
      if (!this.closed) return;
      await this.loading;
      // Stopped by the close before every article was signed.
      if (!this.loaded) return;
    }
    this.dirty = false;
    try {
      await writeSignatureCache(this.dir, this.sigs, CACHE_KEY);
    } catch {
      // A cache: the next open computes what is missing.
      this.dirty = true;
    }
  }

  /** Stops a computation under way and saves what is complete. */
  async close(): Promise<void> {
    this.closed = true;
    await this.loading.catch(() => undefined);
    await this.flush();
  }

  /**
   * The ids of the other versions of an article (empty when none). Waits at most `waitMs`
   * for groups still being built: the reader does not hold an article back for them (an
   * upgraded library signs every article once, and grouping 100,000 takes seconds), the
   * command line waits.
   */
  async versionsOf(id: string, waitMs = Infinity): Promise<string[]> {
    const building = this.ensureGroups();
    if (!this.groups && Number.isFinite(waitMs)) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((done) => (timer = setTimeout(done, waitMs)));
      await Promise.race([building, timeout]);
      clearTimeout(timer);
      if (!this.groups) return [];
    }
    return (await building).versionsOf(id);
  }

  /** Every group of two or more articles. */
  async list(): Promise<VersionGroup[]> {
    const groups = await this.ensureGroups();
    return groups.groups().map((ids) => {
      let first = this.catalog.records.get(ids[0]!);
      for (const id of ids) {
        const r = this.catalog.records.get(id);
        if (r && first && r.importedAt < first.importedAt) first = r;
      }
      return { ids, title: first?.title ?? '' };
    });
  }
}
