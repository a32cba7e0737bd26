// Settled files waiting for the import, first come first served, each path once. The watcher
// takes them in batches and runs one import batch at a time.
import type { SettledFile } from './stability-tracker';

/** A first-in first-out queue of settled files, one entry per path. */
export class ImportQueue {
  private readonly files = new Map<string, SettledFile>();

  get size(): number {
    return this.files.size;
  }

  /** Queues a file; a path already queued keeps its place and takes the newer stamp. */
  push(file: SettledFile): void {
    this.files.set(file.path, file);
  }

  /** Takes up to `max` files, oldest first. */
  take(max: number): SettledFile[] {
    const out: SettledFile[] = [];
    for (const [path, file] of this.files) {
      if (out.length >= max) break;
      out.push(file);
      this.files.delete(path);
    }
    return out;
  }

  /** Forgets every file of one watched folder. */
  dropRoot(root: string): void {
    for (const [path, f] of this.files) if (f.root === root) this.files.delete(path);
  }
}
