// The segments of an index and which one holds the live version of each document: the
// tombstone bookkeeping, apart from building, loading and persisting.
import type { ArticleId } from '../../../contract/types';
import type { Segment } from './segment';

export class SegmentSet {
  /** Oldest first. */
  private list: Segment[] = [];
  private readonly bySeq = new Map<number, Segment>();
  // Where each document's live version is: its segment, revision and position there.
  private readonly live = new Map<ArticleId, { seq: number; rev: number; at: number }>();
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
    return this.live.get(id);
  }

  ids(): IterableIterator<ArticleId> {
    return this.live.keys();
  }

  /** Adds a segment as persisted: `dead` ids stay dead. */
  adopt(seg: Segment, dead: Set<string>): void {
    this.insert(seg);
    seg.docs.ids.forEach((id, i) => {
      if (!dead.has(id)) this.setLive(id, seg, seg.docs.revs[i]!, i);
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
      const rev = seg.docs.revs[i]!;
      if (replaces) {
        if (!cur || !replaces.has(cur.seq)) return;
      } else {
        if (cur && cur.rev > rev) return;
        if ((this.removedBefore.get(id) ?? -1) > seg.seq) return;
      }
      this.setLive(id, seg, rev, i);
    });
    if (replaces) for (const s of replaces) this.drop(s);
    this.dropEmpty();
  }

  /** Removes documents; `nextSeq` is the seq the next build will get. */
  remove(ids: readonly ArticleId[], nextSeq: number): void {
    for (const id of ids) {
      this.removedBefore.set(id, nextSeq);
      const cur = this.live.get(id);
      if (!cur) continue;
      this.bySeq.get(cur.seq)?.setAliveAt(cur.at, false);
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
  private setLive(id: ArticleId, seg: Segment, rev: number, at: number): void {
    const cur = this.live.get(id);
    if (cur) this.bySeq.get(cur.seq)?.setAliveAt(cur.at, false);
    this.live.set(id, { seq: seg.seq, rev, at });
    seg.setAliveAt(at, true);
  }

  private dropEmpty(): void {
    for (const s of [...this.list]) if (s.liveCount === 0) this.drop(s.seq);
  }
}
