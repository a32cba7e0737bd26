// Reads one file for import, enforcing the size cap before any bytes are loaded. The reads
// are synchronous: for files of a few kilobytes the promise API cost ~15x more CPU (a
// FileHandle and four thread-pool round trips per file), and the engine runs on its own
// thread (a worker in the app), so nothing that draws the UI waits on them.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

function readSourceFileSync(path: string, maxBytes: number): ReadResult {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const bytes = readAll(fd, info.size, maxBytes);
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes };
  } catch (e) {
    return { ok: false, reason: describeStatError(e) };
  } finally {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // A failed close of a file opened for reading loses nothing.
      }
    }
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
