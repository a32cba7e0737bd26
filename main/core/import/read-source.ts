// Reads one file for import, enforcing the size cap before any bytes are loaded.
import { open } from 'node:fs/promises';
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
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > maxBytes) {
      return {
        ok: false,
        reason: `file is ${formatMegabytes(info.size)}; the limit is ${formatMegabytes(maxBytes)}`,
      };
    }
    const bytes = await handle.readFile();
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) {
      return {
        ok: false,
        reason: `file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(maxBytes)}`,
      };
    }
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  } catch (e) {
    return { ok: false, reason: describeStatError(e) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
