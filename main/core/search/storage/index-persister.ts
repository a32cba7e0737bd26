// Saves the index in the background: new segments' files first, then the manifest naming
// them with their dead ids. Runs are serialised; a change during a run marks it dirty again.
import { INDEX_FORMAT, writeManifest, writeSegmentFiles, type SegmentEntry } from './persistence';
import { postingsParts } from '../segments/postings-codec';
import type { SegmentSet } from '../segments/segment-set';

export class IndexPersister {
  /** Manifest entries of the segments on disk, by seq. */
  readonly entries = new Map<number, SegmentEntry>();
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  error: unknown = null;

  constructor(
    private readonly dir: string,
    private readonly set: SegmentSet,
    private readonly nextSeq: () => number,
    private readonly delayMs: number,
    private readonly readOnly: boolean,
    /** Told after each save. */
    private readonly onSaved: () => void = () => {},
  ) {}

  /** Notes a change and schedules a save. */
  markDirty(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Schedules a save in `delayMs` (once). */
  schedule(): void {
    if (this.readOnly || this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.persist().catch((e) => {
        this.error = e;
      });
    }, this.delayMs);
    this.timer.unref();
  }

  /** Stops the timer; later markDirty calls schedule nothing. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Saves now (after any save in progress). */
  persist(): Promise<void> {
    const run = () => this.write();
    this.running = this.running.then(run, run);
    return this.running;
  }

  private async write(): Promise<void> {
    if (this.readOnly || !this.dirty) return;
    this.dirty = false;
    for (const seg of this.set.segments) {
      if (this.entries.has(seg.seq) || !seg.loaded) continue;
      const entry = await writeSegmentFiles(
        this.dir,
        seg.seq,
        seg.docs,
        // From the segment's own arrays, not a copy of them: saving the largest segment after
        // a quiet merge or at close held it twice (190 MB more at 100,000 articles; see
        // docs/benchmarks.md, "Large merges once quiet, saved without a copy").
        postingsParts(seg.index.data),
      );
      if (this.set.get(seg.seq) === seg) this.entries.set(seg.seq, { ...entry, dead: [] });
    }
    const segments: SegmentEntry[] = [];
    for (const seg of this.set.segments) {
      const entry = this.entries.get(seg.seq);
      if (!entry) {
        this.dirty = true;
        continue;
      }
      const dead = seg.docs.ids.filter((_, i) => seg.alive[i] === 0);
      segments.push({ ...entry, dead });
    }
    for (const seq of [...this.entries.keys()]) if (!this.set.get(seq)) this.entries.delete(seq);
    await writeManifest(this.dir, { format: INDEX_FORMAT, nextSeq: this.nextSeq(), segments });
    this.onSaved();
  }
}
