// A reader's first reads share one read of the packs: a search reads its hits together, and
// each read that found the packs unread used to list the folder and open every pack again,
// one after another (docs/benchmarks.md, "Cold command line").
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PackSet } from '../../../../main/core/store/pack-set';
import { tempDir } from '../tmp-dir';

const listings = vi.hoisted(() => ({ count: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = ((path: Parameters<typeof fs.readdir>[0], ...rest: unknown[]) => {
    listings.count++;
    return (fs.readdir as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdir;
  return { ...fs, default: { ...fs, readdir }, readdir };
});

const record = (id: string) => ({
  id,
  kind: 'article' as const,
  payload: Buffer.from(JSON.stringify({ id, text: `article ${id}` })),
});

describe('a reader’s first read of the packs', () => {
  it('is shared by reads made together, and later reads list the packs no more', async () => {
    const dir = join(tempDir(), 'articles');
    const ids = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(15, '0')}`);
    // Three packs of a few records each, with their indexes.
    await new PackSet(dir, () => Promise.resolve(), 1).append(ids.slice(0, 7).map(record));
    await new PackSet(dir, () => Promise.resolve(), 1).append(ids.slice(7, 14).map(record));
    await new PackSet(dir, () => Promise.resolve(), 1).append(ids.slice(14).map(record));
    const writer = new PackSet(dir, () => Promise.resolve(), 1);
    await writer.refresh(true);
    await writer.close();

    const reader = new PackSet(dir, () => Promise.resolve());
    listings.count = 0;
    const texts = await Promise.all(ids.map((id) => reader.read(id)));
    expect(texts.map((t) => t && JSON.parse(t.text))).toEqual(
      ids.map((id) => ({ id, text: `article ${id}` })),
    );
    expect(listings.count).toBe(1);
    await reader.read(ids[3]!);
    expect(listings.count).toBe(1);
    // Asked to look again (another process wrote), it does.
    await reader.read(ids[3]!, true);
    expect(listings.count).toBe(2);
    await reader.close();
  });
});
