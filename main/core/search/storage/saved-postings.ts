// Segments whose postings are read from their saved file on demand (lazy-postings.ts) instead
// of held in memory: every segment of a read-only index, and a writable index's large ones
// once saved and the index has been quiet a while. At 100,000 articles a writable index held
// its ~200 MB of postings in memory for the whole session, though a query reads a small part
// of them. Not during bulk work: a merge then read its inputs back from their files, and a
// reindex of 100,000 took 5% more CPU and peaked higher (docs/benchmarks.md). A segment a
// merge replaced keeps its file open a while: a query or merge that took its postings before
// the swap may still read them (the file outlives its name on every platform we ship for).
import { join } from 'node:path';
import { PostingIndex } from '../segments/posting-index';
import type { Segment } from '../segments/segment';
import { LazyPostings } from './lazy-postings';
import type { SegmentEntry } from './persistence';

/** How long a replaced segment's file stays open for readers that still hold it. */
export const RETIRED_FILE_GRACE_MS = 60_000;

/** A saved postings file a merge can read for itself instead of being sent the postings. */
export interface PostingsFile {
  path: string;
  sha256: string;
}

/** What a writable index tells SavedPostings: when it is at work, and its saved segments. */
export interface SavedPostingsHost {
  /** No build or merge under way. */
  idle(): boolean;
  /** Segments that may read from their files, each with its saved file's entry. */
  saved(): Iterable<[Segment, Pick<SegmentEntry, 'indexFile' | 'indexSha256'>]>;
}

export class SavedPostings {
  private readonly open = new Map<number, { lazy: LazyPostings; file: PostingsFile }>();
  private readonly retired = new Set<LazyPostings>();
  private lastBusy = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  /** `quietMs`: how long a writer must have been idle before its segments go to their files. */
  constructor(
    private readonly dir: string,
    private readonly quietMs = 0,
    private readonly host?: SavedPostingsHost,
  ) {}

  /** Notes work under way (a build, a merge, a segment added): going to files waits. */
  busy(): void {
    this.lastBusy = performance.now();
    this.arm(this.quietMs);
  }

  /** Once the writer has been quiet for `quietMs`: its saved segments read from their files. */
  settle(): void {
    if (this.closed || !this.host) return;
    const left = this.quietMs - (performance.now() - this.lastBusy);
    if (left > 0) return this.arm(left);
    // A build or merge still under way says busy() again when it ends.
    if (!this.host.idle()) return;
    for (const [seg, entry] of this.host.saved()) {
      if (!this.open.has(seg.seq)) this.adopt(seg, entry);
    }
  }

  private arm(ms: number): void {
    if (this.timer || this.closed || !this.host) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.settle();
    }, ms);
    this.timer.unref();
  }

  /**
   * Makes `seg` read its postings from the saved file `entry` names, when that file's blocks
   * file allows; false (nothing changed) otherwise.
   */
  adopt(seg: Segment, entry: Pick<SegmentEntry, 'indexFile' | 'indexSha256'>): boolean {
    const file = { path: join(this.dir, entry.indexFile), sha256: entry.indexSha256 };
    const lazy = LazyPostings.open(file.path, file.sha256);
    if (!lazy) return false;
    this.open.get(seg.seq)?.lazy.close();
    this.open.set(seg.seq, { lazy, file });
    seg.setIndex(new PostingIndex(lazy.data, (t) => lazy.ensureTerm(t)));
    return true;
  }

  /** The file segment `seq` reads its postings from, if it does. */
  fileOf(seq: number): PostingsFile | undefined {
    return this.open.get(seq)?.file;
  }

  /** Closes, after a grace period, the files of segments no longer in `current`. */
  retire(current: (seq: number) => boolean): void {
    for (const [seq, { lazy }] of this.open) {
      if (current(seq)) continue;
      this.open.delete(seq);
      this.retired.add(lazy);
      const timer = setTimeout(() => {
        this.retired.delete(lazy);
        lazy.close();
      }, RETIRED_FILE_GRACE_MS);
      timer.unref();
    }
  }

  /** Closes every file; postings not read by then can no longer be. */
  closeAll(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const { lazy } of this.open.values()) lazy.close();
    for (const lazy of this.retired) lazy.close();
    this.open.clear();
    this.retired.clear();
  }
}
