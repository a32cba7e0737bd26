import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isTempName,
  sweepTempFiles,
  tempPathFor,
  writeFileAtomic,
  writeFilesAtomic,
} from '../../../main/core/store/atomic-write';
import { acquireLock } from '../../../main/core/store/lock';
import { formatJournalLine, parseJournalLine } from '../../../main/core/store/journal-line';
import { LIBRARY_FORMAT, readManifest, writeManifest } from '../../../main/core/store/manifest';
import { ArchiveError } from '../../../main/core/errors';
import { tempDir } from './tmp-dir';

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temp files behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('writes a file given in parts back to back, large and small parts alike', async () => {
    // Large parts are written off the thread, small ones in place; the order must hold.
    const dir = tempDir();
    const path = join(dir, 'parts.bin');
    const big = Buffer.alloc(300 * 1024, 7);
    const parts = [
      Buffer.from('head\n'),
      big,
      Buffer.from('mid'),
      Buffer.alloc(0),
      big.subarray(5),
    ];
    await writeFileAtomic(path, parts);
    expect(readFileSync(path).equals(Buffer.concat(parts))).toBe(true);
    expect(readdirSync(dir)).toEqual(['parts.bin']);
  });

  it('writes many files in one batch across folders', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    const writes = Array.from({ length: 20 }, (_, i) => ({
      path: join(dir, i % 2 ? 'x' : 'y', `${i}.txt`),
      data: `file ${i}`,
    }));
    await writeFilesAtomic(writes);
    for (const w of writes) expect(readFileSync(w.path, 'utf8')).toBe(w.data);
    expect(readdirSync(join(dir, 'x')).some(isTempName)).toBe(false);
  });

  it('cleans its temp file and keeps the old file when the write fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'keep.txt');
    writeFileSync(path, 'old');
    await expect(
      writeFilesAtomic([
        { path, data: 'new' },
        { path: join(dir, 'missing', 'f'), data: 'x' },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('leaves no temp file in any folder when one of many concurrent writes fails', async () => {
    const dir = tempDir();
    for (const d of ['a', 'b', 'c']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'a', 'old.txt'), 'old');
    const writes = Array.from({ length: 60 }, (_, i) => ({
      path: join(dir, i === 30 ? 'missing' : 'abc'[i % 3]!, `${i}.txt`),
      data: `file ${i}`.repeat(100),
    }));
    writes.push({ path: join(dir, 'a', 'old.txt'), data: 'new' });
    await expect(writeFilesAtomic(writes)).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'a', 'old.txt'), 'utf8')).toBe('old');
    for (const d of ['a', 'b', 'c']) {
      expect(readdirSync(join(dir, d)).filter(isTempName)).toEqual([]);
      expect(readdirSync(join(dir, d)).filter((n) => n !== 'old.txt')).toEqual([]);
    }
  });

  it('sweeps leftover temp files only', async () => {
    const dir = tempDir();
    writeFileSync(tempPathFor(join(dir, 'catalog.json')), 'torn');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    expect(await sweepTempFiles([dir])).toBe(1);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe('library lock', () => {
  it('refuses a second writer with LOCKED naming the pid, and frees on release', async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir);
    const err = await acquireLock(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveError);
    expect((err as ArchiveError).code).toBe('LOCKED');
    expect((err as ArchiveError).message).toContain(`pid ${process.pid}`);
    expect((err as ArchiveError).message).toContain(dir);
    await lock.release();
    const again = await acquireLock(dir);
    await again.release();
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process on this host', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    writeFileSync(
      join(dir, 'lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), time: new Date().toISOString() }),
    );
    const lock = await acquireLock(dir);
    expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock file that is empty or garbled', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lock'), '');
    const lock = await acquireLock(dir);
    await lock.release();
  });
});

describe('manifest', () => {
  it('round-trips and refuses newer formats with LIBRARY_VERSION', async () => {
    const dir = tempDir();
    expect(await readManifest(dir)).toBeNull();
    await writeManifest(dir);
    expect((await readManifest(dir))?.format).toBe(LIBRARY_FORMAT);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 99, createdAt: 'x' }));
    await expect(readManifest(dir)).rejects.toMatchObject({ code: 'LIBRARY_VERSION' });
  });

  it.each([
    ['format 0', { format: 0 }],
    ['a negative format', { format: -1 }],
    ['a fractional format', { format: 1.5 }],
    ['no format', { createdAt: '2026-01-01' }],
    ['a format in quotes', { format: '1' }],
    ['a null format', { format: null }],
    ['a list instead of an object', [1]],
  ])('refuses %s with LIBRARY_CORRUPT and a clear message', async (_, json) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(json));
    await expect(readManifest(dir)).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      message: expect.stringContaining('manifest.json'),
    });
  });

  it('refuses a torn manifest with LIBRARY_CORRUPT, never a TypeError', async () => {
    const dir = tempDir();
    for (const text of ['', '{"format":', 'null', '"1"']) {
      writeFileSync(join(dir, 'manifest.json'), text);
      await expect(readManifest(dir)).rejects.toMatchObject({ code: 'LIBRARY_CORRUPT' });
    }
  });
});

describe('journal lines', () => {
  const record = {
    id: '0123456789abcdef',
    rev: 1,
    title: 'T',
    place: null,
    language: 'en',
    wordCount: 3,
    readingMinutes: 1,
    encoding: 'UTF-8',
    sourceName: 'a.txt',
    sourcePath: null,
    byteLength: 10,
    importedAt: '2026-01-01T00:00:00.000Z',
    articleDate: null,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: null,
    excerpt: 'x',
  };
  /** A line with a correct checksum over any JSON, as a buggy or foreign writer might make. */
  const lineOf = (value: unknown): string =>
    formatJournalLine(value as Parameters<typeof formatJournalLine>[0]).trimEnd();

  it('round-trips every kind of change', () => {
    for (const entry of [
      { t: 'begin' as const, ids: ['a'] },
      { t: 'put' as const, recs: [record] },
      { t: 'del' as const, ids: ['a', 'b'] },
    ]) {
      expect(parseJournalLine(lineOf(entry))).toEqual(entry);
    }
  });

  it('treats a checksummed line with a malformed change as damaged', () => {
    expect(parseJournalLine(lineOf({ t: 'put', recs: [{ ...record, tags: 'x' }] }))).toBeNull();
    expect(parseJournalLine(lineOf({ t: 'put', recs: [{ id: 'x' }] }))).toBeNull();
    expect(parseJournalLine(lineOf({ t: 'begin', ids: [1] }))).toBeNull();
    expect(parseJournalLine(lineOf({ t: 'put' }))).toBeNull();
    expect(parseJournalLine(lineOf({ t: 'rename', ids: [] }))).toBeNull();
    expect(parseJournalLine(lineOf(null))).toBeNull();
  });
});
