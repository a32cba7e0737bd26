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
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import { loadArticle } from './article-text';
import { notFound } from './ids';
import { MainVersions } from './main-versions';
import { VersionGroups } from './version-groups';
import { Foreground } from './foreground';
import { DeferredSave } from './deferred-save';

const CACHE_KEY: SignatureCacheKey = {
  shingleWords: SHINGLE_WORDS,
  bins: SIGNATURE_BINS,
  cleanerVersion: CLEANER_VERSION,
  bytes: SIGNATURE_BYTES,
};

// Articles grouped between two turns of the event loop while the groups are built after an
// open: about 5-12 ms of work at 100,000 articles, so a search or a list arriving meanwhile
// waits no longer than that (the list starts the build by itself, for the rows' badges).
const GROUP_CHUNK = 250;

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
  private readonly mains: MainVersions;
  private readonly saver: DeferredSave;
  /** The articles the list leaves out when other versions are hidden; null: not yet known. */
  private hiddenIds: Set<string> | null = null;

  constructor(
    private readonly dir: string,
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly readOnly: boolean,
    /** Told when the groups are built after an open (rows can then show their versions). */
    private readonly onBuilt: () => void = () => undefined,
    /** Searches running or just run: grouping waits for a quiet moment between slices. */
    private readonly foreground: Foreground = new Foreground(),
  ) {
    this.mains = new MainVersions(dir);
    this.saver = new DeferredSave(() => this.write(), foreground);
  }

  /** Loads the cache and computes what it lacks, in the background. */
  start(): void {
    this.loading = this.load(false);
    this.mains.start();
  }

  /** Starts building the groups in the background, if not started yet. */
  warm(): void {
    this.ensureGroups().catch(() => undefined);
  }

  /**
   * Forgets every signature and computes them all again from the article files; `computed`
   * holds those a reindex's one pass over the articles found already (null: none).
   */
  async rebuild(computed?: ReadonlyMap<string, Uint8Array | null>): Promise<void> {
    await this.loading.catch(() => undefined);
    await this.grouping?.catch(() => undefined);
    this.groups = null;
    this.grouping = null;
    this.hiddenIds = null;
    this.loading = this.load(true, computed);
    await this.loading;
    await this.flush();
  }

  private async load(
    fresh: boolean,
    computed?: ReadonlyMap<string, Uint8Array | null>,
  ): Promise<void> {
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
      const sig = computed?.has(id) ? computed.get(id)! : await this.compute(id);
      if (sig) this.sigs.set(id, sig);
      this.dirty = true;
    }
    for (const id of this.sigs.keys()) if (!this.catalog.records.has(id)) this.sigs.delete(id);
    this.loaded = true;
  }

  /** The signatures the cache file holds for this cleaner and signer (none when unreadable). */
  async cachedSignatures(): Promise<ReadonlyMap<string, Uint8Array>> {
    return (await readSignatureCache(this.dir, CACHE_KEY).catch(() => null)) ?? new Map();
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
        if (++added % GROUP_CHUNK === 0) {
          await new Promise((done) => setImmediate(done));
          await this.foreground.quiet(() => this.closed);
        }
      }
      // Imports, trash and purges that came while grouping (sync skipped them until now).
      for (const [id, sig] of this.sigs) {
        const live = this.catalog.records.get(id)?.trashedAt === null;
        if (live && !groups.has(id)) groups.add(id, sig);
        else if (!live && groups.has(id)) groups.remove(id);
      }
      for (const id of [...groups.ids()]) if (!this.sigs.has(id)) groups.remove(id);
      this.groups = groups;
      this.hiddenIds = null;
      if (!this.closed) this.onBuilt();
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
      this.hiddenIds = null;
      const sig = this.sigs.get(id);
      if (record && record.trashedAt === null && sig) {
        if (!groups.has(id)) groups.add(id, sig);
      } else groups.remove(id);
    }
  }

  /** Saves the cache now when it changed (a read-only open keeps it in memory). */
  flush(): Promise<void> {
    return this.saver.now();
  }

  /** Saves the cache a little later (deferred-save.ts): an import does not wait for it. */
  saveSoon(): void {
    if (this.dirty && !this.readOnly) this.saver.schedule();
  }

  private async write(): Promise<void> {
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

  /** How many versions this article's story has (itself included); 0 when none or not built yet. */
  groupSize(id: string): number {
    return this.groups?.groupSize(id) ?? 0;
  }

  /** The group's members, earliest imported first, and its main version. */
  private membersOf(groups: VersionGroups, id: string): { members: ArticleRecord[]; main: string } {
    const members: ArticleRecord[] = [];
    for (const m of [id, ...groups.versionsOf(id)]) {
      const r = this.catalog.records.get(m);
      if (r) members.push(r);
    }
    members.sort(byImport);
    // Groups can merge, so more than one member may carry a mark: the earliest marked wins.
    const main = members.find((r) => this.mains.has(r.id)) ?? members[0];
    return { members, main: main?.id ?? id };
  }

  /**
   * The articles the list leaves out when other versions are hidden: every member of a group
   * but its main version. Empty while the groups are not built (the build is started, and
   * `onBuilt` tells when it is done).
   */
  async hidden(): Promise<ReadonlySet<string>> {
    const groups = this.groups;
    if (!groups) {
      this.warm();
      return new Set();
    }
    await this.mains.ready();
    if (this.hiddenIds && this.groups === groups) return this.hiddenIds;
    const hidden = new Set<string>();
    groups.forEachGroup((set) => {
      const first = set.values().next().value;
      if (first === undefined) return;
      const { members, main } = this.membersOf(groups, first);
      for (const r of members) if (r.id !== main) hidden.add(r.id);
    });
    this.hiddenIds = hidden;
    return hidden;
  }

  /** The versions of one article's story, itself included, and the main one. */
  async versionsWithMain(id: string): Promise<{ main: string | null; members: ArticleRecord[] }> {
    if (!this.catalog.records.has(id)) throw notFound(id);
    const groups = await this.ensureGroups();
    await this.mains.ready();
    if (groups.groupSize(id) < 2) return { main: null, members: [] };
    return this.membersOf(groups, id);
  }

  /** Marks an article as its story's main version (BAD_ARGUMENT when it has no versions). */
  async setMain(id: string): Promise<void> {
    const { main, members } = await this.versionsWithMain(id);
    if (main === null) {
      throw new ArchiveError('BAD_ARGUMENT', `Article ${id} has no other versions.`);
    }
    const others = members.map((r) => r.id).filter((m) => m !== id);
    await this.mains.mark(id, others, (known) => this.catalog.records.has(known));
    this.hiddenIds = null;
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

/** Earlier import first, then the id: the order versions are listed in. */
function byImport(a: ArticleRecord, b: ArticleRecord): number {
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
