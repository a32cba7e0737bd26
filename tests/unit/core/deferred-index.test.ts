// A read-only open with deferIndex (the command line's `list`) never opens the search index
// unless a call needs it; every other open starts it at once, as before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenOptions } from '../../../main/core/engine';
import { openLibraryWith } from '../../../main/core/library/library-engine';
import { fakeDeps } from './fake-index';
import { article, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

async function libraryOfThree(): Promise<string> {
  const dir = tempDir();
  const paths = writeArticles(join(dir, 'src'), {
    'a.txt': article(1),
    'b.txt': article(2),
    'c.txt': article(3),
  });
  const deps = fakeDeps();
  const lib = await openLibraryWith(join(dir, 'lib'), {}, deps);
  await lib.importSources(paths.map((path) => ({ path })));
  await lib.close();
  return join(dir, 'lib');
}

/** Opens, runs `use`, closes; whether the index was ever opened. */
async function indexOpened(
  dir: string,
  options: OpenOptions,
  use: (lib: Awaited<ReturnType<typeof openLibraryWith>>) => Promise<unknown>,
): Promise<boolean> {
  const deps = fakeDeps();
  const lib = await openLibraryWith(dir, options, deps);
  await use(lib);
  await lib.close();
  return deps.indexes.some((index) => index.opened);
}

describe('deferIndex', () => {
  it('lists from the catalogue without opening the index', async () => {
    const dir = await libraryOfThree();
    const lean = { readOnly: true, deferIndex: true, discovery: false };
    let total = -1;
    const opened = await indexOpened(dir, lean, async (lib) => {
      total = (await lib.list({ limit: 2 })).total;
    });
    expect(total).toBe(3);
    expect(opened).toBe(false);
  });

  it('opens the index on the first call that uses it', async () => {
    const dir = await libraryOfThree();
    const opened = await indexOpened(dir, { readOnly: true, deferIndex: true }, (lib) =>
      lib.stats(),
    );
    expect(opened).toBe(true);
  });

  it('is ignored by a writable open, and off by default', async () => {
    const dir = await libraryOfThree();
    const list = (lib: Awaited<ReturnType<typeof openLibraryWith>>) => lib.list({ limit: 2 });
    expect(await indexOpened(dir, { deferIndex: true }, list)).toBe(true);
    expect(await indexOpened(dir, { readOnly: true }, list)).toBe(true);
  });
});
