// The packs of a library (articles/packs/*.pack) and where each article's newest record lies.
// Records are appended to the newest pack with one fsync per write; a pack whose bytes are
// mostly dead (replaced or deleted articles) is rewritten beside itself and renamed over it.
import {
  closeSync,
  fdatasync,
  ftruncateSync,
  openSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../errno';
import {
  checkRecord,
  encodeRecord,
  newNonce,
  packHeader,
  packNonce,
  PACK_HEADER_BYTES,
  recordPayload,
  scanRecords,
  type PackEntry,
  type RecordKind,
} from './article-pack';
import { fsyncDir, tempPathFor } from './atomic-write';
import { diskFullOr } from './disk-full';
import { namesIn } from './legacy-article-files';
import {
  checkIndex,
  encodeIndexEntries,
  indexEntries,
  indexHeader,
  lastEntryOf,
  type CheckedIndex,
} from './pack-index';
import { PackHandles } from './pack-handles';

const PACK_NAME = /^(\d{6})\.pack$/;
// A new pack is started once the newest holds this much; compaction reads a whole pack.
const PACK_TARGET_BYTES = 32 * 1024 * 1024;
// A sequential read (readInOrder) takes up to this many bytes at once, and reads through gaps
// (records not asked for) up to GAP_BYTES rather than seeking.
const SPAN_BYTES = 4 * 1024 * 1024;
const GAP_BYTES = 64 * 1024;

interface Pack {
  num: number;
  path: string;
  /** Null when the header is damaged: its records are still read, nothing is appended. */
  nonce: Buffer | null;
  /** The entries, or those past `unparsed` while it is set: read them through entriesOf(). */
  entries: PackEntry[];
  /**
   * A reader's index lines not yet made into entries (they come before `entries`): a command
   * that reads a few articles finds them in place (lastEntryOf), and parsing every line of
   * 100,000 articles cost a cold search about 60 ms.
   */
  unparsed: CheckedIndex | null;
  /** End of the last whole record; a longer file has a torn tail. */
  end: number;
  fileSize: number;
  /**
   * Bytes of the records that are their article's newest. A newest tombstone counts as live:
   * were it dead, a pack of tombstones that still hide records would be rewritten on every write.
   */
  liveBytes: number;
  /** How many entries the index file holds. */
  indexed: number;
}

interface Location {
  pack: Pack;
  entry: PackEntry;
}

/** Every entry of a pack, in order (the index lines a reader left unparsed made first). */
function entriesOf(pack: Pack): PackEntry[] {
  if (pack.unparsed) {
    pack.entries = indexEntries(pack.unparsed).concat(pack.entries);
    pack.unparsed = null;
  }
  return pack.entries;
}

/** How many entries a pack has, parsed or not. */
const entryCount = (pack: Pack): number => (pack.unparsed?.count ?? 0) + pack.entries.length;

/** The newest entry naming `id` in a pack, parsed or not; undefined when there is none. */
function newestIn(pack: Pack, id: string): PackEntry | undefined {
  const { entries } = pack;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.id === id) return entries[i];
  return (pack.unparsed && lastEntryOf(pack.unparsed, id)) ?? undefined;
}

/** A record to append. */
export interface PackRecord {
  id: string;
  kind: RecordKind;
  payload: Uint8Array;
}

/** One record of a sequential read: its payload, or null when it must be read alone. */
export interface ReadInOrder {
  id: string;
  payload: Buffer | null;
}

/** A record that cannot be read, with where it lies. */
export interface PackProblem {
  location: string;
  reason: string;
}

const DAMAGED = 'its checksum does not match (the record is damaged)';
// Lookups a reader makes by walking the pack entries before it builds the map of every id.
const MAX_FINDS = 32;

/** The packs of one library and the newest record of every article in them. */
export class PackSet {
  readonly dir: string;
  private packs: Pack[] = [];
  private readonly newestMap = new Map<string, Location>();
  // A reader that looks up a few articles (a command-line search reads its hits) finds each
  // in the pack entries instead: the map of every id cost a cold search at 100,000 articles
  // about 100 ms. Anything else builds the map on first use.
  private newestStale = false;
  private finds = 0;
  private loaded = false;
  // The first read of the packs, shared: a search reads its twenty hits at once, and each
  // read that found the packs unread queued a read of every pack's header and index again.
  private loading: Promise<void> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly handles = new PackHandles();

  /**
   * `beforeFirstPack` runs once before the first pack of the library is created; a new pack is
   * started once the newest holds `packBytes`.
   */
  constructor(
    articlesDir: string,
    private readonly beforeFirstPack: () => Promise<void>,
    private readonly packBytes = PACK_TARGET_BYTES,
  ) {
    this.dir = join(articlesDir, 'packs');
  }

  /** Where each article's newest record lies (built on first use after a reader's refresh). */
  private get newest(): Map<string, Location> {
    if (this.newestStale) this.rebuildNewest();
    return this.newestMap;
  }

  /** The newest record of `id`, without building the map when it is not built. */
  private find(id: string): Location | undefined {
    // Each lookup walks every entry: past a few, the map is cheaper (a reader of many articles).
    if (this.newestStale && ++this.finds > MAX_FINDS) this.rebuildNewest();
    if (!this.newestStale) return this.newestMap.get(id);
    // The last record of an id is its newest: later packs, and later in a pack, are newer.
    for (let p = this.packs.length - 1; p >= 0; p--) {
      const pack = this.packs[p]!;
      const entry = newestIn(pack, id);
      if (entry) return { pack, entry };
    }
    return undefined;
  }

  /** "…/packs/000012.pack#<id>" for an article in a pack; null otherwise. */
  locationOf(id: string): string | null {
    const at = this.find(id);
    return at ? `${at.pack.path}#${id}` : null;
  }

  /** Ids whose newest record is an article (or a damaged record that names it). */
  liveIds(): string[] {
    const ids: string[] = [];
    for (const [id, at] of this.newest) if (at.entry.kind !== 'tombstone') ids.push(id);
    return ids;
  }

  /** True when the packs hold any record (article or tombstone) for `id`. */
  has(id: string): boolean {
    return this.find(id) !== undefined;
  }

  /** Damaged records whose article cannot be named, and packs with a damaged header. */
  problems(): PackProblem[] {
    const out: PackProblem[] = [];
    for (const p of this.packs) {
      if (!p.nonce) out.push({ location: p.path, reason: 'its header is damaged' });
      for (const e of entriesOf(p)) {
        if (e.kind === 'damaged' && !e.id) {
          out.push({ location: `${p.path}@${e.offset}`, reason: `a record ${DAMAGED}` });
        }
      }
    }
    return out;
  }

  /**
   * The newest record of `id`: the article, null when it was deleted, undefined when the packs
   * know nothing of it. Throws when the record is damaged. With `refresh`, packs another
   * process changed are read again first.
   */
  async read(id: string, refresh = false): Promise<{ text: string } | null | undefined> {
    if (refresh) await this.refresh(false);
    else await this.load();
    for (let attempt = 0; ; attempt++) {
      const at = this.find(id);
      if (!at) return undefined;
      if (at.entry.kind === 'tombstone') return null;
      if (at.entry.kind === 'damaged') throw new Error(DAMAGED);
      try {
        return { text: (await this.readRecord(at, id)).toString('utf8') };
      } catch (e) {
        // Another process may have rewritten the pack since it was read: read again, once.
        if (attempt > 0) throw e;
        this.handles.forget(at.pack.path);
        await this.refresh(false);
      }
    }
  }

  /**
   * `ids` in the order their newest records lie in the packs (pack by pack, by offset), then
   * those the packs do not hold, in their given order.
   */
  async packOrder(ids: readonly string[]): Promise<string[]> {
    await this.load();
    const at = (id: string) => this.newest.get(id);
    const packed = ids.filter((id) => at(id) !== undefined);
    const rank = new Map(this.packs.map((p, i) => [p, i]));
    packed.sort((a, b) => {
      const x = at(a)!;
      const y = at(b)!;
      return rank.get(x.pack)! - rank.get(y.pack)! || x.entry.offset - y.entry.offset;
    });
    return [...packed, ...ids.filter((id) => at(id) === undefined)];
  }

  /**
   * Reads the newest records of `ids` in large sequential reads, a span at a time, in the
   * given order (packOrder's makes the reads sequential). A record that is not a readable
   * article here (deleted, damaged, changed by another process, not in a pack) comes back
   * with a null payload, for the caller to read alone (read() says why).
   */
  async *readInOrder(ids: readonly string[]): AsyncGenerator<ReadInOrder[]> {
    await this.load();
    let i = 0;
    while (i < ids.length) {
      const first = this.newest.get(ids[i]!);
      if (!first || first.entry.kind !== 'article') {
        yield [{ id: ids[i++]!, payload: null }];
        continue;
      }
      const span: Location[] = [first];
      let end = first.entry.offset + first.entry.length;
      for (let j = i + 1; j < ids.length; j++) {
        const next = this.newest.get(ids[j]!);
        if (!next || next.pack !== first.pack || next.entry.kind !== 'article') break;
        const nextEnd = next.entry.offset + next.entry.length;
        if (next.entry.offset < end || next.entry.offset - end > GAP_BYTES) break;
        if (nextEnd - first.entry.offset > SPAN_BYTES) break;
        span.push(next);
        end = nextEnd;
      }
      const names = ids.slice(i, i + span.length);
      i += span.length;
      yield await this.readSpan(span, names, first.entry.offset, end);
    }
  }

  private async readSpan(
    span: Location[],
    ids: string[],
    start: number,
    end: number,
  ): Promise<ReadInOrder[]> {
    const pack = span[0]!.pack;
    let buf: Buffer;
    try {
      buf = await this.handles.use(pack.path, pack.nonce, async (fh) => {
        const out = Buffer.allocUnsafe(end - start);
        const { bytesRead } = await fh.read(out, 0, out.length, start);
        return out.subarray(0, bytesRead);
      });
    } catch {
      return ids.map((id) => ({ id, payload: null }));
    }
    return span.map((at, k) => {
      const id = ids[k]!;
      const checked = checkRecord(buf, at.entry.offset - start);
      const ok = checked.ok && checked.entry.id === id && checked.entry.kind === 'article';
      return { id, payload: ok ? recordPayload(buf, at.entry.offset - start) : null };
    });
  }

  /** Closes the pack files held open for reading; later reads open their own. */
  close(): Promise<void> {
    return this.handles.close();
  }

  /**
   * Reads what changed on disk since the last call. `writable` (the library's writer) also
   * cuts torn tails off and rewrites missing or stale pack indexes.
   */
  refresh(writable: boolean): Promise<void> {
    return this.locked(() => this.refreshNow(writable));
  }

  /** Reads the packs unless they have been read; concurrent callers share one read. */
  private load(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.refresh(false).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Appends records durably (one fsync), then compacts packs that became mostly dead. */
  append(records: PackRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.locked(async () => {
      this.handles.keep();
      if (!this.loaded) await this.refreshNow(false);
      await this.appendNow(
        records.map((r) => encodeRecord(r.id, r.kind, r.payload)),
        records,
      );
      await this.compactDead();
    });
  }

  /** Appends a tombstone for each id whose newest record is not one already. */
  remove(ids: readonly string[]): Promise<void> {
    return this.locked(async () => {
      this.handles.keep();
      if (!this.loaded) await this.refreshNow(false);
      const records: PackRecord[] = ids
        .filter((id) => {
          const at = this.newest.get(id);
          return at !== undefined && at.entry.kind !== 'tombstone';
        })
        .map((id) => ({ id, kind: 'tombstone', payload: new Uint8Array(0) }));
      if (records.length === 0) return;
      await this.appendNow(
        records.map((r) => encodeRecord(r.id, r.kind, r.payload)),
        records,
      );
      await this.compactDead();
    });
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task, task);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async refreshNow(writable: boolean): Promise<void> {
    if (writable) this.handles.keep();
    const names = await namesIn(this.dir);
    const nums = names
      .map((n) => PACK_NAME.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const known = new Map(this.packs.map((p) => [p.num, p]));
    const next: Pack[] = [];
    let changed = nums.length !== this.packs.length || !this.loaded;
    for (const num of nums) {
      const before = known.get(num);
      const count = before && entryCount(before);
      const pack = await this.loadPack(num, before, writable);
      if (!pack) continue;
      // The writer keeps every entry (it appends, compacts and rewrites indexes).
      if (writable) entriesOf(pack);
      if (pack !== before || entryCount(pack) !== count) changed = true;
      next.push(pack);
    }
    for (const p of this.packs) if (!next.includes(p)) this.handles.forget(p.path);
    this.packs = next;
    this.loaded = true;
    // The writer keeps the map (and each pack's live bytes) current; a reader builds it on use.
    if (changed && writable) this.rebuildNewest();
    else if (changed) this.newestStale = true;
  }

  /** The pack as it is on disk now: `before` grown by its new records, or read anew. */
  private async loadPack(
    num: number,
    before: Pack | undefined,
    writable: boolean,
  ): Promise<Pack | null> {
    const path = join(this.dir, packName(num));
    let fh;
    try {
      fh = await open(path, 'r');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    }
    try {
      const size = (await fh.stat()).size;
      const head = Buffer.alloc(PACK_HEADER_BYTES);
      await fh.read(head, 0, PACK_HEADER_BYTES, 0);
      const nonce = packNonce(head);
      // A crash while a pack was being created leaves it shorter than its header: no records.
      if (size < PACK_HEADER_BYTES) {
        if (writable) await unlink(path).catch(() => undefined);
        return null;
      }
      const same = before && nonce && before.nonce?.equals(nonce) && size >= before.end;
      let pack: Pack;
      if (same) {
        if (size === before.fileSize) {
          if (writable) await this.repair(before);
          return before;
        }
        pack = before;
      } else {
        pack = {
          num,
          path,
          nonce,
          entries: [],
          unparsed: null,
          end: PACK_HEADER_BYTES,
          fileSize: size,
          liveBytes: 0,
          indexed: 0,
        };
        if (nonce) {
          const idx = await readFile(indexPath(path)).catch(() => null);
          const index = idx ? checkIndex(idx, nonce, size, PACK_HEADER_BYTES) : null;
          if (index) {
            pack.unparsed = index;
            pack.indexed = index.count;
            pack.end = index.end;
          }
        }
      }
      pack.fileSize = size;
      if (size > pack.end) {
        const tail = Buffer.allocUnsafe(size - pack.end);
        const { bytesRead } = await fh.read(tail, 0, tail.length, pack.end);
        const scan = scanRecords(tail.subarray(0, bytesRead), pack.end);
        pack.entries.push(...scan.entries);
        pack.end = scan.validEnd;
      }
      if (writable) await this.repair(pack);
      return pack;
    } finally {
      await fh.close();
    }
  }

  /** Cuts a torn tail off and brings the pack's index up to date (the writer only). */
  private async repair(pack: Pack): Promise<void> {
    if (pack.fileSize > pack.end && pack.nonce) {
      const fd = openSync(pack.path, 'r+');
      try {
        ftruncateSync(fd, pack.end);
        await syncFd(fd);
      } finally {
        closeSync(fd);
      }
      pack.fileSize = pack.end;
    }
    if (pack.nonce && pack.indexed < entryCount(pack)) this.writeIndex(pack);
  }

  private rebuildNewest(): void {
    this.newestStale = false;
    const newest = this.newestMap;
    newest.clear();
    for (const pack of this.packs) {
      pack.liveBytes = 0;
      for (const entry of entriesOf(pack)) {
        if (entry.id) newest.set(entry.id, { pack, entry });
      }
    }
    for (const at of newest.values()) {
      if (at.entry.kind !== 'damaged') at.pack.liveBytes += at.entry.length;
    }
  }

  private async appendNow(encoded: Buffer[], records: PackRecord[]): Promise<void> {
    const data = Buffer.concat(encoded);
    let pack = this.packs.at(-1);
    if (!pack || !pack.nonce || pack.end >= this.packBytes) pack = await this.createPack(data);
    else await appendTo(pack, data);
    let offset = pack.end;
    const added: PackEntry[] = records.map((r, i) => {
      const entry: PackEntry = { id: r.id, kind: r.kind, offset, length: encoded[i]!.length };
      offset += entry.length;
      return entry;
    });
    entriesOf(pack).push(...added);
    pack.end = pack.fileSize = offset;
    for (const entry of added) this.setNewest(pack, entry);
    if (pack.indexed === pack.entries.length - added.length) {
      try {
        writeFileSync(indexPath(pack.path), encodeIndexEntries(added), { flag: 'a' });
        pack.indexed = pack.entries.length;
      } catch {
        // A cache: whatever the index lacks is read from the pack on the next open.
      }
    } else this.writeIndex(pack);
  }

  private setNewest(pack: Pack, entry: PackEntry): void {
    const old = this.newest.get(entry.id);
    if (old && old.entry.kind !== 'damaged') old.pack.liveBytes -= old.entry.length;
    this.newest.set(entry.id, { pack, entry });
    if (entry.kind !== 'damaged') pack.liveBytes += entry.length;
  }

  /** Starts the next pack with `data` as its first records (their entries are the caller's to add). */
  private async createPack(data: Buffer): Promise<Pack> {
    if (this.packs.length === 0) {
      await this.beforeFirstPack();
      await mkdir(this.dir, { recursive: true });
      await fsyncDir(join(this.dir, '..'));
    }
    const num = (this.packs.at(-1)?.num ?? 0) + 1;
    const path = join(this.dir, packName(num));
    const nonce = newNonce();
    // Only a pack a crash left shorter than its header can be in the way (it holds nothing).
    await stat(path).then(
      (st) => (st.size < PACK_HEADER_BYTES ? unlink(path) : undefined),
      () => undefined,
    );
    await writeNewFile(path, [packHeader(nonce), data]);
    await fsyncDir(this.dir);
    const pack: Pack = {
      num,
      path,
      nonce,
      entries: [],
      unparsed: null,
      end: PACK_HEADER_BYTES,
      fileSize: PACK_HEADER_BYTES,
      liveBytes: 0,
      indexed: 0,
    };
    this.packs.push(pack);
    this.writeIndex(pack);
    return pack;
  }

  /** Replaces a pack's index with one of its entries (not synced: it is a cache). */
  private writeIndex(pack: Pack): void {
    if (!pack.nonce) return;
    const path = indexPath(pack.path);
    const temp = tempPathFor(path);
    try {
      writeFileSync(
        temp,
        Buffer.concat([indexHeader(pack.nonce), encodeIndexEntries(entriesOf(pack))]),
      );
      renameSync(temp, path);
      pack.indexed = pack.entries.length;
    } catch {
      // The next open reads what the index lacks from the pack itself.
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
    }
  }

  /** Rewrites every pack more than half of whose record bytes are dead. */
  private async compactDead(): Promise<void> {
    for (const pack of [...this.packs]) {
      const body = pack.end - PACK_HEADER_BYTES;
      if (body <= 0 || (body - pack.liveBytes) * 2 <= body) continue;
      // A damaged record is kept where it is for `check` to report, with its pack as it is.
      if (entriesOf(pack).some((e) => e.kind === 'damaged')) continue;
      await this.compact(pack);
    }
  }

  private async compact(pack: Pack): Promise<void> {
    const older = new Set<string>();
    for (const p of this.packs) {
      if (p.num >= pack.num) break;
      for (const e of entriesOf(p)) if (e.kind === 'article') older.add(e.id);
    }
    const isNewest = (e: PackEntry) => this.newest.get(e.id)?.entry === e;
    // A tombstone is kept while an older pack still holds a record it hides.
    const keep = entriesOf(pack).filter(
      (e) => isNewest(e) && (e.kind === 'article' || (e.kind === 'tombstone' && older.has(e.id))),
    );
    const dropped = entriesOf(pack).filter((e) => isNewest(e) && !keep.includes(e));
    // The file is replaced or deleted: a handle kept open would hold the old one (and on
    // Windows, an open file cannot be replaced).
    await this.handles.release(pack.path);
    if (keep.length === 0) {
      await unlink(pack.path);
      await unlink(indexPath(pack.path)).catch(() => undefined);
      await fsyncDir(this.dir);
      this.packs = this.packs.filter((p) => p !== pack);
    } else {
      const bytes = await readFile(pack.path);
      const nonce = newNonce();
      let offset = PACK_HEADER_BYTES;
      const parts = [packHeader(nonce)];
      const moved = keep.map((e) => {
        parts.push(bytes.subarray(e.offset, e.offset + e.length));
        const entry: PackEntry = { ...e, offset };
        offset += e.length;
        return entry;
      });
      const temp = tempPathFor(pack.path);
      try {
        await writeNewFile(temp, parts);
        await rename(temp, pack.path);
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw diskFullOr(e, pack.path);
      }
      await fsyncDir(this.dir);
      Object.assign(pack, {
        nonce,
        entries: moved,
        unparsed: null,
        end: offset,
        fileSize: offset,
        indexed: 0,
      });
      for (const entry of moved) this.newest.set(entry.id, { pack, entry });
      pack.liveBytes = moved.reduce((n, e) => n + e.length, 0);
      this.writeIndex(pack);
    }
    for (const e of dropped) this.newest.delete(e.id);
  }

  private readRecord(at: Location, id: string): Promise<Buffer> {
    return this.handles.use(at.pack.path, at.pack.nonce, async (fh) => {
      const buf = Buffer.allocUnsafe(at.entry.length);
      const { bytesRead } = await fh.read(buf, 0, buf.length, at.entry.offset);
      const checked = checkRecord(buf.subarray(0, bytesRead), 0);
      if (!checked.ok) throw new Error(checked.torn ? 'the record is cut short' : DAMAGED);
      if (checked.entry.id !== id || checked.entry.kind !== 'article') {
        throw new Error(`the record there is not this article's (${checked.entry.id})`);
      }
      return recordPayload(buf, 0);
    });
  }
}

/** Appends `data` at the pack's end (cutting a torn tail first); on failure the pack is as it was. */
async function appendTo(pack: Pack, data: Buffer): Promise<void> {
  const fd = openSync(pack.path, 'r+');
  try {
    if (pack.fileSize > pack.end) ftruncateSync(fd, pack.end);
    writeAll(fd, data, pack.end);
    await syncFd(fd);
  } catch (e) {
    try {
      ftruncateSync(fd, pack.end);
    } catch {
      // The bytes past the end are a torn tail: never read, and cut on the next write.
    }
    throw diskFullOr(e, pack.path);
  } finally {
    closeSync(fd);
  }
}

/** Creates `path` with these bytes, synced; on failure nothing is left. */
async function writeNewFile(path: string, parts: Buffer[]): Promise<void> {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeAll(fd, Buffer.concat(parts), 0);
    await syncFd(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
    throw diskFullOr(e, path);
  }
  closeSync(fd);
}

function writeAll(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}

const syncFd = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => fdatasync(fd, (e) => (e ? reject(e) : resolve())));

const packName = (num: number): string => `${String(num).padStart(6, '0')}.pack`;
const indexPath = (packPath: string): string => packPath.replace(/\.pack$/, '.idx');
