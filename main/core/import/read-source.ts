// Reads one file for import, enforcing the size cap before any bytes are loaded. The reads
// are synchronous: for files of a few kilobytes the promise API cost ~15x more CPU (a
// FileHandle and four thread-pool round trips per file), and the engine runs on its own
// thread (a worker in the app), so nothing that draws the UI waits on them. That makes a
// blocking open fatal, though: opening a named pipe for reading waits for a writer forever,
// and with it the whole engine (list, stats, cancel). The walker refuses pipes and devices
// before anything opens them (from the folder listing's types, or a stat of a named path);
// here the open itself never blocks, and what was opened is checked again.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { notRegularReason } from './not-regular';
import { describeStatError } from './walk';

/** Largest article file accepted. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Formats a byte count the way the size-cap message shows it ("31.2 MB"). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Reads a file's bytes, or says in one line why it cannot be imported. */
export async function readSourceFile(
  path: string,
  maxBytes = MAX_ARTICLE_BYTES,
): Promise<ReadResult> {
  return readSourceFileSync(path, maxBytes);
}

// O_NONBLOCK makes opening a pipe return at once, and O_NOCTTY keeps a terminal device from
// becoming this process's terminal; neither changes anything for regular files. (Windows has
// neither flag, and no named pipes in the file system.)
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type OpenResult = { ok: true; fd: number; info: Stats } | { ok: false; reason: string };

/**
 * Opens a regular file for reading without ever blocking: a path that was swapped for a
 * pipe or a device after it was checked is refused after the open, by the type of what
 * was opened. The caller closes the fd.
 */
export function openForReading(path: string): OpenResult {
  const fd = openSync(path, READ_FLAGS);
  let info: Stats;
  try {
    info = fstatSync(fd);
  } catch (e) {
    closeQuietly(fd);
    throw e;
  }
  const refused = notRegularReason(info);
  if (refused === null) return { ok: true, fd, info };
  closeQuietly(fd);
  return { ok: false, reason: refused };
}

function readSourceFileSync(path: string, maxBytes: number): ReadResult {
  let fd: number | null = null;
  try {
    // No stat first: the walker checked the type, and a second stat per file cost ~1% of
    // an import for nothing the checked, non-blocking open below does not catch.
    const opened = openForReading(path);
    if (!opened.ok) return opened;
    fd = opened.fd;
    const { size } = opened.info;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const bytes = readAll(fd, size, maxBytes);
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes };
  } catch (e) {
    return { ok: false, reason: describeStatError(e) };
  } finally {
    if (fd !== null) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // A failed close of a file opened for reading loses nothing.
  }
}

const tooLarge = (size: number, maxBytes: number): ReadResult => ({
  ok: false,
  reason: `file is ${formatMegabytes(size)}; the limit is ${formatMegabytes(maxBytes)}`,
});

// Unpooled buffers: each file's bytes travel to the parse worker and into the store alone.
/** Reads to the end (the size may have changed since fstat), at most one byte past the cap. */
function readAll(fd: number, expected: number, maxBytes: number): Uint8Array {
  // One spare byte, so that the read which finds the end needs no bigger buffer.
  let buf = Buffer.allocUnsafeSlow(Math.min(expected, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, length);
}
