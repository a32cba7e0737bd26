// Where an export is written: a temp file or temp folder beside the destination, renamed into
// place only when complete, so the destination holds a whole export or nothing at all.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { isDiskFull } from '../store/disk-full';
import { fsyncDir, tempPathFor } from '../store/atomic-write';

// Text is gathered into writes of about this size: few system calls, bounded memory.
const BUFFER_CHARS = 1 << 20;

/** A file written in order through a small buffer. */
export class BufferedFile {
  private chunks: string[] = [];
  private size = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** Creates the file (it must not exist yet). */
  static async create(path: string): Promise<BufferedFile> {
    return new BufferedFile(await open(path, 'wx', 0o644));
  }

  /** Appends text; writes once enough has gathered. */
  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= BUFFER_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.handle.write(text);
  }

  /** Writes what is left, syncs and closes. */
  async close(sync = true): Promise<void> {
    try {
      await this.flush();
      if (sync) await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }

  /** Closes without caring for what is left (the export is being abandoned). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** The temp path of a whole export and how to put it in place or throw it away. */
export interface Staging {
  /** The temp file (single-file formats) or temp folder (the others). */
  temp: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Checks the destination and stages an export that becomes `out` (a file or a folder). */
export async function stageExport(out: string, kind: 'file' | 'folder'): Promise<Staging> {
  const parent = dirname(out);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) {
    throw new ArchiveError('BAD_ARGUMENT', `The folder ${parent} does not exist.`);
  }
  const existing = await stat(out).catch(() => null);
  if (kind === 'file' && existing?.isDirectory()) {
    throw new ArchiveError('BAD_ARGUMENT', `${out} is a folder; name a file to write.`);
  }
  if (kind === 'folder' && existing) {
    // Never mixed with or written over someone's files: an empty folder is the most we take.
    if (!existing.isDirectory() || (await readdir(out)).length > 0) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `${out} already exists; name a new folder (or an empty one).`,
      );
    }
  }
  if (kind === 'file') {
    const temp = tempPathFor(out);
    return {
      temp,
      commit: async () => {
        await rename(temp, out);
        await fsyncDir(parent);
      },
      discard: () => rm(temp, { force: true }),
    };
  }
  const temp = join(parent, `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  await mkdir(temp);
  return {
    temp,
    commit: async () => {
      // An empty folder in the way is removed: a folder cannot be renamed over one on Windows.
      await rmdir(out).catch((e: unknown) => {
        if (!isErrno(e, ['ENOENT'])) throw e;
      });
      await rename(temp, out);
      await fsyncDir(parent);
    },
    discard: () => rm(temp, { recursive: true, force: true }),
  };
}

/** The error people see for a failed write of an export. */
export function writeFailure(e: unknown, out: string): ArchiveError {
  if (e instanceof ArchiveError) return e;
  if (isDiskFull(e))
    return new ArchiveError('DISK_FULL', `The disk is full: ${out} was not written.`);
  return new ArchiveError('IO', `Could not write ${out}: ${errorMessage(e)}`);
}
