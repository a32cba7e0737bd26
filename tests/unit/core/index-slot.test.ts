// A deferred index open (a command-line `list`) never opens the index, and does not even
// gather the catalogue's revisions for it until the first call that needs the index.
import { describe, expect, it, vi } from 'vitest';
import { IndexSlot } from '../../../main/core/library/index-slot';
import type { SearchIndexApi } from '../../../main/core/search/types';

function fakeIndex(): { index: SearchIndexApi; opened: Map<string, number>[] } {
  const opened: Map<string, number>[] = [];
  const index = {
    open: async (expected: Map<string, number>) => void opened.push(expected),
    close: async () => undefined,
  } as unknown as SearchIndexApi;
  return { index, opened };
}

describe('IndexSlot', () => {
  it('gathers the revisions of a deferred open only when the index is first needed', async () => {
    const { index, opened } = fakeIndex();
    const slot = new IndexSlot(() => index, '/nowhere');
    const revs = vi.fn(() => new Map([['0123456789abcdef', 1]]));
    slot.start(revs, undefined, true);
    expect(revs).not.toHaveBeenCalled();
    await slot.get();
    expect(revs).toHaveBeenCalledTimes(1);
    expect(opened).toEqual([new Map([['0123456789abcdef', 1]])]);
    await slot.close();
  });

  it('never gathers them when a deferred open is closed unused', async () => {
    const { index, opened } = fakeIndex();
    const slot = new IndexSlot(() => index, '/nowhere');
    const revs = vi.fn(() => new Map<string, number>());
    slot.start(revs, undefined, true);
    await slot.close();
    expect(revs).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
  });

  it('opens at once with the revisions given when not deferred', async () => {
    const { index, opened } = fakeIndex();
    const slot = new IndexSlot(() => index, '/nowhere');
    slot.start(new Map([['0123456789abcdef', 2]]));
    await slot.get();
    expect(opened).toEqual([new Map([['0123456789abcdef', 2]])]);
  });
});
