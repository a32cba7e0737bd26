// The watch status line: hidden until folders are watched, kept current by watchStatus
// events, and opening the list of watched folders, where watching can be stopped.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent, ApiEvents, ApiMethod } from '../../../main/contract/api-contract';
import type { WatchList, WatchStatus } from '../../../main/contract/watch';
import { createClient, setClient } from '../api/client';
import { WatchStatusLine } from './WatchStatusLine';
import { watchProblemText, watchStatusText } from './watch-status-text';

const status = (patch: Partial<WatchStatus> = {}): WatchStatus => ({
  running: true,
  folders: 2,
  watching: 2,
  catchingUp: false,
  pending: 0,
  importedSinceStart: 0,
  lastBatch: null,
  problems: [],
  ...patch,
});

const batch = (patch: Partial<NonNullable<WatchStatus['lastBatch']>> = {}) => ({
  folder: '/home/ana/inbox',
  at: '2026-12-06T10:00:00.000Z',
  files: 3,
  imported: 3,
  duplicates: 0,
  restored: 0,
  failed: 0,
  titles: ['One'],
  failures: [],
  ...patch,
});

/** A fake main process with a watcher in the given state. */
function fakeMain(initial: unknown, folders: WatchList['folders'] = []) {
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  const calls: { method: ApiMethod; args: unknown }[] = [];
  let list: WatchList = { folders };
  const answer = (method: ApiMethod, args: unknown): unknown => {
    calls.push({ method, args });
    if (method === 'watchStatus') return initial;
    if (method === 'listWatchedFolders') return list;
    if (method === 'removeWatchedFolder') {
      const { path } = args as { path: string };
      list = { folders: list.folders.filter((f) => f.path !== path) };
      return list;
    }
    return null;
  };
  setClient(
    createClient({
      call: (method, args) => Promise.resolve({ ok: true, value: answer(method, args) as never }),
      on: (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener as (p: unknown) => void);
        listeners.set(event, set);
        return () => set.delete(listener as (p: unknown) => void);
      },
      pathsForFiles: () => [],
    }),
  );
  return {
    calls,
    emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
      act(() => listeners.get(event)?.forEach((l) => l(payload))),
  };
}

afterEach(cleanup);

beforeAll(() => {
  // jsdom has no modal dialogs: opening one marks it open, so its contents are accessible.
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('the watch status line', () => {
  it('says what is watched and what was added last, and follows status events', async () => {
    const main = fakeMain(status({ lastBatch: batch() }));
    render(<WatchStatusLine />);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Watching 2 folders · added 3 articles from inbox',
    );
    main.emit('watchStatus', status({ pending: 4, lastBatch: batch() }));
    expect(screen.getByRole('status').textContent).toBe('Watching 2 folders · importing 4 files…');
    main.emit('watchStatus', status({ folders: 2, watching: 1 }));
    expect(screen.getByRole('status').textContent).toBe('Watching 1 of 2 folders');
    expect(screen.getByText('1 folder missing or unreadable')).toBeTruthy();
  });

  it('shows nothing while nothing is watched, or when the answer is not a status', async () => {
    const main = fakeMain(status({ running: false }));
    render(<WatchStatusLine />);
    await waitFor(() => expect(main.calls.some((c) => c.method === 'watchStatus')).toBe(true));
    expect(screen.queryByTestId('watch-status')).toBeNull();
    main.emit('watchStatus', status({ folders: 0, watching: 0 }));
    expect(screen.queryByTestId('watch-status')).toBeNull();
    cleanup();
    const other = fakeMain({ total: 0, offset: 0, items: [] });
    render(<WatchStatusLine />);
    await waitFor(() => expect(other.calls.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('watch-status')).toBeNull();
  });

  it('lists the watched folders and stops watching one', async () => {
    const main = fakeMain(status({ folders: 2, watching: 1 }), [
      { path: '/data/inbox', addedAt: 'x', present: true, watching: true, problem: null },
      {
        path: '/mnt/usb/clips',
        addedAt: 'x',
        present: false,
        watching: false,
        problem: 'the folder is missing',
      },
    ]);
    render(<WatchStatusLine />);
    fireEvent.click(await screen.findByRole('button', { name: 'Watching 1 of 2 folders' }));
    expect(await screen.findByText('/mnt/usb/clips')).toBeTruthy();
    expect(screen.getByText('Missing · the folder is missing')).toBeTruthy();
    expect(screen.getByText('Watching')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching /mnt/usb/clips' }));
    await waitFor(() => expect(screen.queryByText('/mnt/usb/clips')).toBeNull());
    expect(main.calls).toContainEqual({
      method: 'removeWatchedFolder',
      args: { path: '/mnt/usb/clips' },
    });
    expect(screen.getByText('/data/inbox')).toBeTruthy();
  });
});

describe('watchStatusText', () => {
  it('tells catching up, restores and failures, naming the folder by its last part', () => {
    expect(watchStatusText(status({ folders: 1, watching: 1, catchingUp: true }))).toBe(
      'Watching 1 folder · catching up…',
    );
    expect(
      watchStatusText(status({ lastBatch: batch({ imported: 0, restored: 1, failed: 0 }) })),
    ).toBe('Watching 2 folders · took 1 article out of the trash');
    expect(
      watchStatusText(
        status({ lastBatch: batch({ folder: 'C:\\Users\\ana\\Clips\\', imported: 0, failed: 2 }) }),
      ),
    ).toBe('Watching 2 folders · 2 files from Clips could not be imported');
    expect(
      watchProblemText(
        status({ problems: [{ path: '/data/inbox/locked', message: 'EACCES', at: 'x' }] }),
      ),
    ).toBe('locked: EACCES');
  });
});
