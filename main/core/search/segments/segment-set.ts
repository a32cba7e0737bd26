// The segments of an index and which one holds the live version of each document: the
// tombstone bookkeeping, apart from building, loading and persisting.
import type { ArticleId } from '../../../contract/types';
import type { Segment } from './segment';

// A live-map value is seq * AT_SPAN + position: exact in a double for seqs below 2^27.
const AT_SPAN = 2 ** 26;
const MAX_SEQ = 2 ** 27;
const seqOf = (v: number): number => Math.floor(v / AT_SPAN);

export class SegmentSet {
  /** Oldest first. */
  private list: Segment[] = [];
  private readonly bySeq = new Map<number, Segment>();
  // Where each document's live version is, as one number: its segment's seq and its position
  // there (its revision is the segment's). An object per document was 100,000 allocations at
  // a cold search's open of 100,000 articles, and as many again for the GC to trace.
  private readonly live = new Map<ArticleId, number>();
  // Removals newer than builds still in flight: id → the first seq started after the removal.
  private readonly removedBefore = new Map<ArticleId, number>();

  get segments(): readonly Segment[] {
    return this.list;
  }

  get documents(): number {
    return this.live.size;
  }

  get(seq: number): Segment | undefined {
    return this.bySeq.get(seq);
  }

  /** Where `id`'s live version is: segment, revision and position in that segment. */
  entry(id: ArticleId): { seq: number; rev: number; at: number } | undefined {
    const v = this.live.get(id);
    if (v === undefined) return undefined;
    const seq = seqOf(v);
    const at = v - seq * AT_SPAN;
    return { seq, rev: this.bySeq.get(seq)!.docs.revs[at]!, at };
  }

  /** The revision of `id`'s live version (entry(id)?.rev without making the entry). */
  liveRev(id: ArticleId): number | undefined {
    const v = this.live.get(id);
    if (v === undefined) return undefined;
    const seq = seqOf(v);
    return this.bySeq.get(seq)!.docs.revs[v - seq * AT_SPAN];
  }

  ids(): IterableIterator<ArticleId> {
    return this.live.keys();
  }

  /** Adds a segment as persisted: `dead` ids stay dead. */
  adopt(seg: Segment, dead: Set<string>): void {
    this.insert(seg);
    seg.docs.ids.forEach((id, i) => {
      if (!dead.has(id)) this.setLive(id, seg, i);
    });
  }

  /**
   * Adds a built segment. A document takes over unless a newer revision is live or it was
   * removed after this build started (builds may finish out of order). A merge result
   * (`replaces`) only takes over documents still live in the segments it replaces.
   */
  add(seg: Segment, replaces?: ReadonlySet<number>): void {
    this.insert(seg);
    seg.docs.ids.forEach((id, i) => {
      const cur = this.live.get(id);
      if (replaces) {
        if (cur === undefined || !replaces.has(seqOf(cur))) return;
      } else {
        if (cur !== undefined && this.liveRev(id)! > seg.docs.revs[i]!) return;
        if ((this.removedBefore.get(id) ?? -1) > seg.seq) return;
      }
      this.setLive(id, seg, i);
    });
    if (replaces) for (const s of replaces) this.drop(s);
    this.dropEmpty();
  }

  /** Removes documents; `nextSeq` is the seq the next build will get. */
  remove(ids: readonly ArticleId[], nextSeq: number): void {
    for (const id of ids) {
      this.removedBefore.set(id, nextSeq);
      const cur = this.live.get(id);
      if (cur === undefined) continue;
      this.markDead(cur);
      this.live.delete(id);
    }
    this.dropEmpty();
  }

  /** Forgets removal marks once no build started before them can still arrive. */
  buildsSettled(): void {
    this.removedBefore.clear();
  }

  /** Drops a segment and every document live in it. */
  drop(seq: number): void {
    const seg = this.bySeq.get(seq);
    if (!seg) return;
    for (const id of seg.liveIds()) this.live.delete(id);
    this.bySeq.delete(seq);
    this.list = this.list.filter((s) => s !== seg);
  }

  /** Ids live in the given segments. */
  liveIdsIn(segments: readonly Segment[]): ArticleId[] {
    return segments.flatMap((s) => s.liveIds());
  }

  /** Stemming languages present in any segment. */
  languages(): string[] {
    const langs = new Set<string>();
    for (const s of this.list) for (const l of s.languages.keys()) if (l) langs.add(l);
    return [...langs].sort();
  }

  private insert(seg: Segment): void {
    this.bySeq.set(seg.seq, seg);
    this.list.push(seg);
    this.list.sort((a, b) => a.seq - b.seq);
  }

  /** Makes `seg`'s version of `id` (at position `at` there) the live one. */
  private setLive(id: ArticleId, seg: Segment, at: number): void {
    if (at >= AT_SPAN || seg.seq >= MAX_SEQ) throw new Error(`segment ${seg.seq} is too large`);
    const cur = this.live.get(id);
    if (cur !== undefined) this.markDead(cur);
    this.live.set(id, seg.seq * AT_SPAN + at);
    seg.setAliveAt(at, true);
  }

  /** Marks the document a live-map value points at dead in its segment. */
  private markDead(v: number): void {
    const seq = seqOf(v);
    this.bySeq.get(seq)?.setAliveAt(v - seq * AT_SPAN, false);
  }

  private dropEmpty(): void {
    for (const s of [...this.list]) if (s.liveCount === 0) this.drop(s.seq);
  }
}
