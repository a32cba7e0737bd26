import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../main/contract/types';
import { canMakeFifo, mkfifo, unblockLater } from './fifo';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

describe('import outcomes', () => {
  it('imports articles and fails empty, binary, oversized and unreadable files with reasons', async () => {
    const src = tempDir();
    const lib = await openFake(join(tempDir(), 'lib'));
    const [good, empty, blank, binary] = writeArticles(src, {
      'good.txt': article(1),
      'empty.txt': '',
      'blank.txt': '  \n\n \t\n',
      'binary.txt': new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
      ]),
    });
    const big = join(src, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, Math.round(31.2 * 1024 * 1024));
    closeSync(fd);
    const locked = writeArticles(src, { 'locked.txt': article(2) })[0]!;
    chmodSync(locked, 0o000);
    const vanished = join(src, 'vanished.txt');

    const summary = await lib.importSources(
      [good, empty, blank, binary, big, locked, vanished].map((path) => ({ path: path! })),
    );
    chmodSync(locked, 0o644);

    expect(summary.imported.map((e) => e.path)).toEqual(
      process.getuid?.() === 0 ? [good, locked] : [good],
    );
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.path, f.reason]));
    expect(reasons[empty!]).toMatch(/empty/);
    expect(reasons[blank!]).toMatch(/empty/);
    expect(reasons[binary!]).toMatch(/binary/);
    expect(reasons[big]).toBe('file is 31.2 MB; the limit is 20 MB');
    if (process.getuid?.() !== 0) expect(reasons[locked]).toBe('permission denied');
    expect(reasons[vanished]).toMatch(/not found/);
    expect(summary.cancelled).toBe(false);
    await lib.close();
  });

  it('reports duplicates in the batch and in the library with the earlier id and title', async () => {
    const src = tempDir();
    const lib = await openFake(join(tempDir(), 'lib'));
    const [a, b, c] = writeArticles(src, {
      'a.txt': article(1, 'First title'),
      'b.txt': article(1, 'First title'),
      'c.txt': article(3),
    });
    const first = await lib.importSources([{ path: a! }, { path: b! }]);
    expect(first.imported).toHaveLength(1);
    expect(first.duplicates).toEqual([
      { path: b, id: first.imported[0]!.id, title: 'First title' },
    ]);
    const second = await lib.importSources([
      { path: c! },
      { name: 'dropped.txt', data: new Uint8Array(Buffer.from(article(1, 'First title'))) },
    ]);
    expect(second.imported.map((e) => e.path)).toEqual([c]);
    expect(second.duplicates).toEqual([
      { path: 'dropped.txt', id: first.imported[0]!.id, title: 'First title' },
    ]);
    expect((await lib.list()).total).toBe(2);
    await lib.close();
  });

  it('restores a trashed article when its file is imported again, and says so', async () => {
    const src = tempDir();
    const lib = await openFake(join(tempDir(), 'lib'));
    const [a, b, c] = writeArticles(src, {
      'a.txt': article(1, 'Trashed one'),
      'b.txt': article(2, 'Kept one'),
      'copy-of-a.txt': article(1, 'Trashed one'),
    });
    const first = await lib.importSources([{ path: a! }, { path: b! }]);
    const [trashed, kept] = first.imported.map((e) => e.id);
    await lib.trash([trashed!]);
    expect((await lib.list()).total).toBe(1);

    const again = await lib.importSources([{ path: a! }, { path: b! }, { path: c! }]);
    expect(again.imported).toEqual([]);
    expect(again.restored).toEqual([{ id: trashed, title: 'Trashed one', path: a }]);
    // The live article and a second copy of the restored file stay duplicates.
    expect(again.duplicates.map((d) => [d.path, d.id])).toEqual([
      [b, kept],
      [c, trashed],
    ]);
    const all = await lib.list();
    expect(all.items.map((i) => i.id).sort()).toEqual([trashed, kept].sort());
    expect((await lib.list({ view: 'trash' })).total).toBe(0);
    // Nothing trashed: nothing restored.
    const third = await lib.importSources([{ path: a! }]);
    expect(third.restored ?? []).toEqual([]);
    expect(third.duplicates).toHaveLength(1);
    await lib.close();
  });

  it('walks folders recursively, skipping and counting non-article files', async () => {
    const src = tempDir();
    writeArticles(src, {
      'one.txt': article(1),
      'deep/two.md': article(2),
      'deep/deeper/three.text': article(3),
      'deep/image.png': new Uint8Array([1, 2, 3]),
      'notes.docx': 'x',
      'README.md': '# About this folder',
      'LICENSE.txt': 'All rights reserved',
      '.DS_Store': 'x',
    });
    const explicit = writeArticles(tempDir(), { 'named.log': article(4) })[0]!;
    const lib = await openFake(join(tempDir(), 'lib'));
    const summary = await lib.importSources([{ path: src }, { path: explicit }]);
    expect(summary.imported).toHaveLength(4);
    expect(summary.skipped).toBe(5);
    expect(summary.failed).toEqual([]);
    await lib.close();
  });

  it('imports dropped contents with no path, decoding legacy encodings', async () => {
    const lib = await openFake(join(tempDir(), 'lib'));
    const data = new Uint8Array(
      iconv.encode('Prices\n\nThe ticket cost £40 – “cheap”, said the café owner.', 'windows-1252'),
    );
    const summary = await lib.importSources([{ name: 'drop.txt', data }]);
    expect(summary.imported).toHaveLength(1);
    const view = await lib.get(summary.imported[0]!.id);
    expect(view.sourcePath).toBeNull();
    expect(view.sourceName).toBe('drop.txt');
    expect(view.encoding).toBe('windows-1252');
    expect(view.body).toContain('£40 – “cheap”');
    expect(view.original).toContain('Prices\n\nThe ticket');
    await lib.close();
  });

  it('reports throttled progress with a final count, and stops on abort keeping what was imported', async () => {
    const FILES = 3000;
    const src = tempDir();
    const files: Record<string, string> = {};
    // Enough files that the import is still reading when the abort comes, whatever the
    // commit chunk sizes are and however busy the machine is: progress goes out at most every
    // 50 ms, and 600 files were once all read and written (366 ms, a loaded CI machine)
    // before the first report that counted 64 imported.
    for (let i = 0; i < FILES; i++) files[`f${String(i).padStart(4, '0')}.txt`] = article(i);
    writeArticles(src, files);
    const lib = await openFake(join(tempDir(), 'lib'));
    const seen: ImportProgress[] = [];
    const controller = new AbortController();
    const summary = await lib.importSources([{ path: src }], {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.imported >= 64) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.length).toBeGreaterThanOrEqual(64);
    expect(summary.imported.length).toBeLessThan(FILES);
    expect((await lib.list({ limit: 1000 })).total).toBe(summary.imported.length);
    const last = seen.at(-1)!;
    expect(last.imported).toBe(summary.imported.length);
    expect(seen.length).toBeLessThan(600);
    await lib.close();
  });
});

describe('import and what the walk leaves out', () => {
  it('does not import through links that leave the chosen folder, and lists them with the reason', async () => {
    const outside = tempDir();
    writeArticles(outside, { 'private/key.txt': article(7, 'Private key') });
    const src = tempDir();
    writeArticles(src, { 'kept.txt': article(8), 'sub/inner.txt': article(9) });
    symlinkSync(join(outside, 'private'), join(src, 'outside-dir'));
    symlinkSync('../..', join(src, 'sub', 'up2'));
    symlinkSync(join(src, 'sub'), join(src, 'sub-alias'));
    const lib = await openFake(join(tempDir(), 'lib'));
    const summary = await lib.importSources([{ path: src }]);
    expect(summary.imported.map((e) => e.title).sort()).toEqual([
      'Article number 8',
      'Article number 9',
    ]);
    expect(summary.skippedFiles?.map((s) => s.path).sort()).toEqual([
      join(src, 'outside-dir'),
      join(src, 'sub', 'up2'),
    ]);
    for (const s of summary.skippedFiles ?? [])
      expect(s.reason).toMatch(/outside the chosen folder/);
    expect(summary.skipped).toBe(2);
    await lib.close();
  });

  it.skipIf(!canMakeFifo)(
    'refuses named pipes, named or found in a folder, without waiting on them',
    async () => {
      const src = tempDir();
      writeArticles(src, { 'good.txt': article(10) });
      mkdirSync(join(src, 'pipes'));
      mkfifo(join(src, 'pipes', 'inside.txt'));
      const named = mkfifo(join(tempDir(), 'named.txt'));
      unblockLater(named);
      const lib = await openFake(join(tempDir(), 'lib'));
      const started = Date.now();
      const summary = await lib.importSources([{ path: named }, { path: src }]);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(summary.imported).toHaveLength(1);
      expect(summary.failed).toEqual([{ path: named, reason: 'not a regular file: a named pipe' }]);
      expect(summary.skippedFiles).toEqual([
        { path: join(src, 'pipes', 'inside.txt'), reason: 'not a regular file: a named pipe' },
      ]);
      // The engine still answers.
      expect((await lib.list()).total).toBe(1);
      await lib.close();
    },
  );
});

describe('guessed encodings', () => {
  it('records a guessed encoding on the article and keeps it across a reopen', async () => {
    const src = tempDir();
    const [broken, sure] = writeArticles(src, {
      'broken.txt': new Uint8Array([
        ...Buffer.from('Menu of the caf'),
        0xc3,
        ...Buffer.from('\n\nCoffee and cake were served to the guests.'),
      ]),
      'sure.txt': article(11),
    });
    const dir = join(tempDir(), 'lib');
    let lib = await openFake(dir);
    const summary = await lib.importSources([{ path: broken! }, { path: sure! }]);
    const idOf = (path: string) => summary.imported.find((e) => e.path === path)!.id;
    const guessed = await lib.get(idOf(broken!));
    expect(guessed.title).toBe('Menu of the cafÃ');
    expect(guessed).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true });
    expect((await lib.get(idOf(sure!))).encodingGuessed).toBeFalsy();
    await lib.close();
    // Reopened from the catalogue snapshot, not from the article files.
    lib = await openFake(dir);
    const items = (await lib.list()).items;
    expect(items.find((a) => a.id === idOf(broken!))?.encodingGuessed).toBe(true);
    expect(items.find((a) => a.id === idOf(sure!))?.encodingGuessed).toBeFalsy();
    await lib.close();
  });
});
