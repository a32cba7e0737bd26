// One small JSON document in the library folder (saved searches, tagging rules): validated
// with zod on every read, replaced atomically on every write, changes one at a time. It is
// read again on each use, so the app and the command line see each other's changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from '../../contract/zod';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { SerialQueue } from '../library/serial-queue';
import { writeFileAtomic } from '../store/atomic-write';

/** A validated JSON file; a missing file reads as `empty`. */
export class JsonFileStore<T> {
  private readonly queue = new SerialQueue();
  readonly path: string;

  constructor(
    dir: string,
    readonly name: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly checkWritable: () => void,
  ) {
    this.path = join(dir, name);
  }

  /** The document as on disk; LIBRARY_CORRUPT (naming the file) when it does not parse. */
  async read(): Promise<T> {
    return this.readNow();
  }

  /** `read`, answered at once (the file is small). */
  readNow(): T {
    let text: string;
    try {
      // Read at once, not on libuv's file system pool: during an import the pool is full of
      // fsyncs, and a read queued behind them took 150-200 ms at the end of a 10,000-article
      // import, which waits for the tagging rules' record. The file is small.
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if (isErrno(e, ['ENOENT'])) return this.empty();
      throw new ArchiveError('IO', `Cannot read ${this.name}: ${errorMessage(e)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.damaged('not valid JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.damaged(`${issue?.path.join('.') || 'the document'} ${issue?.message ?? ''}`);
    }
    return parsed.data;
  }

  /**
   * Reads, changes and writes back, after every change queued before; `change` answers the
   * new document (null: leave the file as it is) and what to return. A damaged file is never
   * overwritten.
   */
  update<R>(
    change: (doc: T) => { doc: T | null; result: R } | Promise<{ doc: T | null; result: R }>,
  ): Promise<R> {
    this.checkWritable();
    return this.queue.run(async () => {
      const { doc, result } = await change(await this.read());
      if (doc !== null) {
        await writeFileAtomic(this.path, JSON.stringify(this.schema.parse(doc), null, 1) + '\n');
      }
      return result;
    });
  }

  /** Resolves when every change queued so far has settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private damaged(reason: string): ArchiveError {
    return new ArchiveError(
      'LIBRARY_CORRUPT',
      `${this.name} in the library is damaged (${reason.trim()}); fix or remove it.`,
    );
  }
}
