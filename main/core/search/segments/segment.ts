// A segment: immutable postings plus the ids and revisions it holds, and which of those are
// still live (a newer version elsewhere, or a removal, kills one). Segments are built from
// documents (on this thread or a worker), persisted as two files, and loaded lazily: the
// small doc list first, the postings when a query needs them.
import type { PostingIndex } from './posting-index';

/** The documents a segment was built from: id, rev and stemming language. */
export interface SegmentDocs {
  ids: string[];
  revs: number[];
  langs: string[];
}

export class Segment {
  // Built on first use: opening 100,000 articles' segments built a map of every id, which most
  // reads (a command-line search) never ask.
  private positions: Map<string, number> | null = null;
  /** Stemming languages present, with document counts. */
  readonly languages = new Map<string, number>();
  /** 1 where the document at that position is the live version of its id. */
  readonly alive: Uint8Array;
  private live = 0;
  private postingIndex: PostingIndex | null;

  constructor(
    /** Creation order; a higher seq was started later. */
    readonly seq: number,
    readonly docs: SegmentDocs,
    index: PostingIndex | null,
  ) {
    this.postingIndex = index;
    this.alive = new Uint8Array(docs.ids.length);
    for (const l of docs.langs) this.languages.set(l, (this.languages.get(l) ?? 0) + 1);
  }

  /** Documents in the segment (live or not) by id → position in `docs`. */
  get position(): ReadonlyMap<string, number> {
    if (!this.positions) {
      const map = new Map<string, number>();
      this.docs.ids.forEach((id, i) => map.set(id, i));
      this.positions = map;
    }
    return this.positions;
  }

  get size(): number {
    return this.docs.ids.length;
  }

  /** Number of live documents. */
  get liveCount(): number {
    return this.live;
  }

  get loaded(): boolean {
    return this.postingIndex !== null;
  }

  get index(): PostingIndex {
    if (!this.postingIndex) throw new Error(`segment ${this.seq} is not loaded`);
    return this.postingIndex;
  }

  setIndex(index: PostingIndex): void {
    this.postingIndex = index;
  }

  /** Marks the document at position `i` live or dead. */
  setAliveAt(i: number, alive: boolean): void {
    if (this.alive[i] === (alive ? 1 : 0)) return;
    this.alive[i] = alive ? 1 : 0;
    this.live += alive ? 1 : -1;
  }

  /** Ids whose version here is live. */
  liveIds(): string[] {
    return this.docs.ids.filter((_, i) => this.alive[i] === 1);
  }

  revOf(id: string): number | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.docs.revs[i];
  }
}
