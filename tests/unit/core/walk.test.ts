import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkSources, type WalkItem } from '../../../main/core/import/walk';
import { canMakeFifo, mkfifo } from './fifo';
import { tempDir } from './tmp-dir';

async function walk(path: string): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walkSources([{ path }])) items.push(item);
  return items;
}

const files = (items: WalkItem[]): string[] =>
  items.flatMap((i) => (i.type === 'file' ? [i.path] : []));
const reasons = (items: WalkItem[]): Record<string, string> =>
  Object.fromEntries(
    items.flatMap((i) => (i.type === 'skipped' && i.reason ? [[i.path, i.reason]] : [])),
  );

/** A folder outside the one being walked, holding one article. */
function outsideFolder(): string {
  const outside = tempDir('ar-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nNot for this archive.');
  return outside;
}

describe('walking folders with symbolic links', () => {
  it('does not follow links that lead outside the chosen folder, and says why', async () => {
    const outside = outsideFolder();
    const root = join(tempDir(), 'chosen');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub', 'a.txt'), 'A\n\nbody');
    symlinkSync(outside, join(root, 'outside-dir'));
    symlinkSync('../..', join(root, 'sub', 'up2'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'secret-link.txt'));
    const items = await walk(root);
    expect(files(items)).toEqual([join(root, 'sub', 'a.txt')]);
    const why = reasons(items);
    for (const link of ['outside-dir', 'secret-link.txt', join('sub', 'up2')]) {
      expect(why[join(root, link)]).toMatch(/^symbolic link to .+, outside the chosen folder$/);
    }
    expect(why[join(root, 'outside-dir')]).toContain(outside);
  });

  it('follows links that stay inside the chosen folder, walking each real folder once', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'b.txt'), 'B\n\nbody');
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    symlinkSync(join('real', 'b.txt'), join(root, 'b-link.txt'));
    symlinkSync('..', join(root, 'real', 'loop'));
    const items = await walk(root);
    // The folder is walked once (through "alias", which sorts first); the file link is its own entry.
    expect(files(items)).toEqual([join(root, 'alias', 'b.txt'), join(root, 'b-link.txt')]);
    expect(reasons(items)).toEqual({});
  });

  it('treats a chosen folder that is itself a link by where it leads', async () => {
    const real = tempDir();
    writeFileSync(join(real, 'c.txt'), 'C\n\nbody');
    mkdirSync(join(real, 'inner'));
    symlinkSync(join(real, 'c.txt'), join(real, 'inner', 'c-link.txt'));
    const link = join(tempDir(), 'link-to-archive');
    symlinkSync(real, link);
    const items = await walk(link);
    expect(files(items)).toEqual([join(link, 'c.txt'), join(link, 'inner', 'c-link.txt')]);
    expect(reasons(items)).toEqual({});
  });

  it('counts broken and looping links as skipped', async () => {
    const root = tempDir();
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'broken.txt'));
    symlinkSync(join(root, 'loop-b.txt'), join(root, 'loop-a.txt'));
    symlinkSync(join(root, 'loop-a.txt'), join(root, 'loop-b.txt'));
    const items = await walk(root);
    expect(files(items)).toEqual([]);
    expect(items.filter((i) => i.type === 'skipped')).toHaveLength(3);
  });
});

describe.skipIf(!canMakeFifo)('walking folders with special files', () => {
  it('skips named pipes with article names with the reason, without opening them', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'A\n\nbody');
    mkfifo(join(root, 'pipe.txt'));
    symlinkSync(join(root, 'pipe.txt'), join(root, 'pipe-link.txt'));
    mkfifo(join(root, 'pipe-no-article'));
    const items = await walk(root);
    expect(files(items)).toEqual([join(root, 'a.txt')]);
    expect(reasons(items)).toEqual({
      [join(root, 'pipe.txt')]: 'not a regular file: a named pipe',
      [join(root, 'pipe-link.txt')]: 'not a regular file: a named pipe',
    });
    expect(items.filter((i) => i.type === 'skipped')).toHaveLength(3);
  });

  it('fails a named pipe named on its own with the reason', async () => {
    const fifo = mkfifo(join(tempDir(), 'named.txt'));
    expect(await walk(fifo)).toEqual([
      { type: 'failed', path: fifo, reason: 'not a regular file: a named pipe' },
    ]);
  });
});
