// Files that were written to lately, held until they stop changing: a file is ready once two
// looks at it, `stableMs` apart, find the same size and modification time. A file still being
// copied or saved in chunks is so never imported half-written.
import type { FileStamp } from './seen-files';

/** A file that has stopped changing, with the stamp it had then. */
export interface SettledFile {
  path: string;
  /** The watched folder it belongs to. */
  root: string;
  stamp: FileStamp;
}

interface Entry {
  root: string;
  stamp: FileStamp | null;
  dueAt: number;
}

/** Looks at a file: its stamp, or null when it is gone (or not a file any more). */
export type StampOf = (path: string) => Promise<FileStamp | null>;

// Files looked at together, so a burst of thousands of files does not open thousands of stats.
const STAT_CHUNK = 128;

/** Files waiting to stop changing. */
export class StabilityTracker {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly stableMs: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Notes a write to `path` (with its stamp when known); a file noted again waits again. */
  note(path: string, root: string, stamp: FileStamp | null, now: number): void {
    const entry = this.entries.get(path);
    if (entry) {
      entry.stamp = stamp ?? entry.stamp;
      entry.dueAt = now + this.stableMs;
    } else {
      this.entries.set(path, { root, stamp, dueAt: now + this.stableMs });
    }
  }

  /** Milliseconds until the next file is due for a look (0 when one is due), null when none. */
  nextDueIn(now: number): number | null {
    let next: number | null = null;
    for (const e of this.entries.values()) if (next === null || e.dueAt < next) next = e.dueAt;
    return next === null ? null : Math.max(0, next - now);
  }

  /**
   * Looks at every file that is due: unchanged since the last look means settled (returned and
   * forgotten), changed means another wait, gone means forgotten.
   */
  async check(now: number, stampOf: StampOf): Promise<SettledFile[]> {
    const due = [...this.entries].filter(([, e]) => e.dueAt <= now);
    const settled: SettledFile[] = [];
    for (let i = 0; i < due.length; i += STAT_CHUNK) {
      const chunk = due.slice(i, i + STAT_CHUNK);
      const stamps = await Promise.all(chunk.map(([path]) => stampOf(path)));
      chunk.forEach(([path, entry], k) => {
        // Noted again while being looked at: its wait started over.
        if (this.entries.get(path) !== entry || entry.dueAt > now) return;
        const stamp = stamps[k] ?? null;
        if (stamp === null) {
          this.entries.delete(path);
        } else if (entry.stamp && sameStamp(entry.stamp, stamp)) {
          this.entries.delete(path);
          settled.push({ path, root: entry.root, stamp });
        } else {
          entry.stamp = stamp;
          entry.dueAt = now + this.stableMs;
        }
      });
    }
    return settled;
  }

  /** Forgets every file of one watched folder (it was removed from the list). */
  dropRoot(root: string): void {
    for (const [path, e] of this.entries) if (e.root === root) this.entries.delete(path);
  }
}

/** True when two stamps describe the same file contents (same size and time). */
export const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs;
