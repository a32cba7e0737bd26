import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForReading, readSourceFile } from '../../../main/core/import/read-source';
import { canMakeFifo, mkfifo, unblockLater } from './fifo';
import { tempDir } from './tmp-dir';

describe('readSourceFile', () => {
  it('reads every byte of small, empty and multi-megabyte files', async () => {
    const dir = tempDir();
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);
    big[big.length - 1] = 0x7a;
    for (const [name, bytes] of [
      ['empty.txt', Buffer.alloc(0)],
      ['one.txt', Buffer.from('é')],
      ['big.txt', big],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      const read = await readSourceFile(join(dir, name));
      expect(read.ok).toBe(true);
      if (read.ok) expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    }
  });

  it('says why a file cannot be read: too large, a folder, missing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(3 * 1024 * 1024));
    mkdirSync(join(dir, 'folder'));
    expect(await readSourceFile(join(dir, 'big.txt'), 2 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'file is 3 MB; the limit is 2 MB',
    });
    expect(await readSourceFile(join(dir, 'folder'))).toEqual({
      ok: false,
      reason: 'not a regular file: a folder',
    });
    const missing = await readSourceFile(join(dir, 'gone.txt'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toMatch(/not found|no such|does not exist/i);
  });
});

describe.skipIf(!canMakeFifo)('readSourceFile and special files', () => {
  it('refuses a named pipe at once, with the reason, instead of waiting for a writer', async () => {
    const fifo = mkfifo(join(tempDir(), 'pipe.txt'));
    unblockLater(fifo);
    const started = Date.now();
    const read = await readSourceFile(fifo);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(read).toEqual({ ok: false, reason: 'not a regular file: a named pipe' });
  });

  it('refuses a character device without reading it', async () => {
    expect(await readSourceFile('/dev/null')).toEqual({
      ok: false,
      reason: 'not a regular file: a character device',
    });
  });

  it('opens without blocking, so a file swapped for a pipe after the check cannot hang', () => {
    const fifo = mkfifo(join(tempDir(), 'swapped.txt'));
    unblockLater(fifo);
    const started = Date.now();
    const opened = openForReading(fifo);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(opened).toEqual({ ok: false, reason: 'not a regular file: a named pipe' });
  });
});
