// Open read handles of pack files, kept between reads: opening a pack for every article read
// cost a quarter of a reindex's main-thread time. Only the library's writer keeps them (see
// keep()): it alone rewrites packs, so its handles never outlive a rewrite unseen, while a
// reader's pack may be compacted by the writer at any time. A handle is tied to the pack's
// nonce, so a pack rewritten by compaction (new nonce, renamed over the old file) is opened
// again; handles left unused for a moment are closed, so that a replaced file's space is
// given back and nothing holds a pack open for long (Windows refuses to replace an open file).
import { open, type FileHandle } from 'node:fs/promises';

// Unused this long, a handle is closed.
const IDLE_MS = 2_000;

interface Held {
  fh: FileHandle;
  nonce: Buffer | null;
  /** Reads under way; the handle is not closed under them. */
  users: number;
  lastUsed: number;
}

/** Read handles of pack files by path, reopened when the pack's nonce changes. */
export class PackHandles {
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private keeping = false;

  /** From now on handles are kept between reads (the store writes: it is the writer). */
  keep(): void {
    this.keeping = true;
  }

  /** Runs `read` with an open handle of the pack at `path` whose header holds `nonce`. */
  async use<T>(path: string, nonce: Buffer | null, read: (fh: FileHandle) => Promise<T>) {
    if (this.closed || !this.keeping) return withOwnHandle(path, read);
    let h = this.held.get(path);
    if (h && h.nonce !== nonce) {
      this.forget(path);
      h = undefined;
    }
    if (!h) {
      const fh = await open(path, 'r');
      // Another read may have opened it meanwhile: keep one handle.
      const raced = this.held.get(path);
      if (this.closed || (raced && raced.nonce === nonce)) {
        await fh.close();
        if (this.closed || !raced) return withOwnHandle(path, read);
        h = raced;
      } else {
        if (raced) this.forget(path);
        h = { fh, nonce, users: 0, lastUsed: 0 };
        this.held.set(path, h);
      }
    }
    h.users++;
    try {
      return await read(h.fh);
    } finally {
      h.users--;
      h.lastUsed = performance.now();
      if (this.held.get(path) !== h && h.users === 0) await h.fh.close().catch(() => undefined);
      this.scheduleSweep();
    }
  }

  /** Closes the handle of `path` (its file was replaced or deleted). */
  forget(path: string): void {
    void this.release(path);
  }

  /** Closes the handle of `path` before its file is replaced or deleted. */
  async release(path: string): Promise<void> {
    const h = this.held.get(path);
    if (!h) return;
    this.held.delete(path);
    // A read still under way closes it when done (see use()).
    if (h.users === 0) await h.fh.close().catch(() => undefined);
  }

  /** Closes every handle; later reads open and close their own. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const idle = [...this.held.values()].filter((h) => h.users === 0);
    this.held.clear();
    await Promise.all(idle.map((h) => h.fh.close().catch(() => undefined)));
  }

  private scheduleSweep(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = performance.now();
      for (const [path, h] of this.held) {
        if (h.users === 0 && now - h.lastUsed >= IDLE_MS) this.forget(path);
      }
      if (this.held.size > 0) this.scheduleSweep();
    }, IDLE_MS);
    this.timer.unref();
  }
}

async function withOwnHandle<T>(path: string, read: (fh: FileHandle) => Promise<T>): Promise<T> {
  const fh = await open(path, 'r');
  try {
    return await read(fh);
  } finally {
    await fh.close();
  }
}
