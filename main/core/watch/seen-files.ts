// What the watcher has already handed to the import, by path: size and modification time. A
// file whose size and time are unchanged is not read again, across restarts too; the import's
// own refusal of exact duplicates covers a crash between an import and the next save of this.
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { isErrno } from '../errno';
import { writeFileAtomic } from '../store/atomic-write';

/** A file's identity for "has it changed": its size and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

const FORMAT = 1;

const fileSchema = z.object({
  format: z.literal(FORMAT),
  files: z.array(z.tuple([z.string(), z.number().nonnegative(), z.number()])),
});

/** Name of the seen-state file inside a library folder (a cache: losing it costs re-reads). */
export const SEEN_FILE = 'watch-seen.json';

/** True when `path` is `root` or lies under it. */
export function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The stamps of files already imported (or tried), saved in the library. */
export class SeenFiles {
  readonly file: string;
  private readonly stamps = new Map<string, FileStamp>();
  private dirty = false;

  constructor(libraryDir: string) {
    this.file = join(libraryDir, SEEN_FILE);
  }

  /** Loads the saved stamps; a missing or damaged file starts empty (it is only a cache). */
  async load(): Promise<void> {
    this.stamps.clear();
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return;
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) return;
    for (const [path, size, mtimeMs] of parsed.data.files) this.stamps.set(path, { size, mtimeMs });
  }

  get size(): number {
    return this.stamps.size;
  }

  /** True when the file was seen with exactly this size and time. */
  matches(path: string, stamp: FileStamp): boolean {
    const seen = this.stamps.get(path);
    return seen !== undefined && seen.size === stamp.size && seen.mtimeMs === stamp.mtimeMs;
  }

  /** Records that the file, as stamped, went through the import. */
  record(path: string, stamp: FileStamp): void {
    this.stamps.set(path, { size: stamp.size, mtimeMs: stamp.mtimeMs });
    this.dirty = true;
  }

  /** Forgets every file under `root` that `keep` says no to (deleted files, a removed folder). */
  forgetUnder(root: string, keep: (path: string) => boolean = () => false): number {
    let n = 0;
    for (const path of this.stamps.keys()) {
      if (isUnder(path, root) && !keep(path)) {
        this.stamps.delete(path);
        n++;
      }
    }
    if (n > 0) this.dirty = true;
    return n;
  }

  /** Saves the stamps atomically when they changed since the last save. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const files = [...this.stamps].map(([path, s]) => [path, s.size, s.mtimeMs]);
    try {
      await writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, files }));
    } catch (e) {
      this.dirty = true;
      throw e;
    }
  }
}
