// A zip archive being written to a file, with back-pressure: entries are queued only while
// the bytes waiting to be compressed and written stay under a bound, so a backup of 100,000
// articles holds a few megabytes, not the library.
import { createWriteStream, type WriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import type * as Yazl from 'yazl';
import { lazyPackage } from '../lazy-package';

const yazl = lazyPackage<typeof Yazl>('yazl');

// Bytes queued in yazl ahead of the file: enough to keep compression busy.
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
// Finished entries set aside at a time (see setAsideFinished).
const SET_ASIDE_BATCH = 1024;

export class ZipSink {
  private readonly zip = new (yazl().ZipFile)();
  private readonly out: WriteStream;
  private readonly finished: Promise<void>;
  private queued = 0;
  private waiters: (() => void)[] = [];
  private failure: unknown = null;
  private added = 0;
  private setAside: unknown[] = [];
  private ending = false;

  constructor(
    path: string,
    private readonly mtime: Date,
  ) {
    // 'wx': the temp path is fresh; never write through a file someone else made.
    this.out = createWriteStream(path, { flags: 'wx' });
    this.finished = new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        this.failure ??= e;
        this.wake();
        reject(e);
      };
      this.zip.on('error', fail);
      this.out.on('error', fail);
      this.out.on('close', () => (this.failure === null ? resolve() : undefined));
    });
    // Nobody may be awaiting `finished` yet when a write fails; `add` reports it instead.
    this.finished.catch(() => undefined);
    this.zip.outputStream.pipe(this.out);
  }

  /** Queues one entry; waits first while too many bytes are queued. */
  async add(name: string, bytes: Buffer): Promise<void> {
    while (this.queued > 0 && this.queued + bytes.length > MAX_QUEUED_BYTES) {
      if (this.failure !== null) throw this.failure;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure !== null) throw this.failure;
    this.queued += bytes.length;
    const sequence = this.added++;
    this.zip.addReadStreamLazy(name, { mtime: this.mtime, size: bytes.length }, (cb) => {
      this.setAsideFinished(sequence);
      const stream = Readable.from([bytes]);
      stream.on('end', () => {
        this.queued -= bytes.length;
        this.wake();
      });
      cb(null, stream);
    });
  }

  /** Writes the central directory and closes the file; resolves once every byte is written. */
  async finish(): Promise<void> {
    // Entries still being written must not set anything aside once the list is whole again.
    this.ending = true;
    this.restoreSetAside();
    this.zip.end();
    await this.finished;
  }

  /** Stops writing (after a failure or a cancel); the caller removes the file. */
  async abort(): Promise<void> {
    this.zip.outputStream.unpipe(this.out);
    await new Promise<void>((resolve) => {
      if (this.out.closed) resolve();
      else this.out.destroy();
      this.out.once('close', () => resolve());
      if (this.out.closed) resolve();
    });
  }

  /**
   * yazl looks for its next entry by scanning its list from the start on every step, which is
   * quadratic: 80,000 entries took 125 s, 20,000 took 7 s. When entry `sequence` starts, every
   * entry before it is finished (yazl writes them in order), so those are moved aside, and put
   * back in order before the directory is written. If yazl's list is not where expected this
   * does nothing: slower, never wrong.
   */
  private setAsideFinished(sequence: number): void {
    if (this.ending) return;
    const list: unknown = Reflect.get(this.zip, 'entries');
    if (!Array.isArray(list)) return;
    const before = sequence - this.setAside.length;
    if (before < SET_ASIDE_BATCH || before > list.length) return;
    this.setAside = this.setAside.concat(list.splice(0, before));
  }

  private restoreSetAside(): void {
    const list: unknown = Reflect.get(this.zip, 'entries');
    if (!Array.isArray(list) || this.setAside.length === 0) return;
    Reflect.set(this.zip, 'entries', this.setAside.concat(list));
    this.setAside = [];
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
