// A segment: an immutable Lunr index plus the ids and revisions it holds. Segments are
// built from documents (on this thread or a worker), persisted as two files, and loaded
// lazily: the small doc list first, the Lunr index when a query needs it.
import { LunrSegmentIndex } from './lunr-segment';

/** The documents a segment was built from: id, rev and stemming language. */
export interface SegmentDocs {
  ids: string[];
  revs: number[];
  langs: string[];
}

export class Segment {
  /** Documents in the segment (live or not) by id → position in `docs`. */
  readonly position = new Map<string, number>();
  /** Stemming languages present, with document counts. */
  readonly languages = new Map<string, number>();
  private lunrIndex: LunrSegmentIndex | null;

  constructor(
    /** Creation order; a higher seq holds newer versions. */
    readonly seq: number,
    readonly docs: SegmentDocs,
    index: LunrSegmentIndex | null,
    /** Serialised Lunr index, kept only until it is persisted. */
    public pendingJson: string | null = null,
  ) {
    this.lunrIndex = index;
    docs.ids.forEach((id, i) => this.position.set(id, i));
    for (const l of docs.langs) this.languages.set(l, (this.languages.get(l) ?? 0) + 1);
  }

  get size(): number {
    return this.docs.ids.length;
  }

  get loaded(): boolean {
    return this.lunrIndex !== null;
  }

  get index(): LunrSegmentIndex {
    if (!this.lunrIndex) throw new Error(`segment ${this.seq} is not loaded`);
    return this.lunrIndex;
  }

  setIndex(index: LunrSegmentIndex): void {
    this.lunrIndex = index;
  }

  revOf(id: string): number | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.docs.revs[i];
  }
}
