// Library → Check Library…: the menu command runs the engine's check and the dialog reports
// what it found, or that all is well, or why the check could not run.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvents } from '../../../main/contract/api-contract';
import type { CheckReport } from '../../../main/contract/types';
import { createClient, setClient } from '../api/client';
import { CheckLibraryDialog } from './CheckLibraryDialog';

afterEach(cleanup);

beforeAll(() => {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

/** A client whose `check` answers `reply`; returns a function that sends a menu command. */
function installCheck(reply: { ok: true; value: CheckReport } | { ok: false; message: string }) {
  const menu = new Set<(p: ApiEvents['menuCommand']) => void>();
  let checks = 0;
  setClient(
    createClient({
      call: (method) => {
        if (method !== 'check') throw new Error(`unexpected call ${method}`);
        checks++;
        return Promise.resolve(
          reply.ok
            ? { ok: true, value: reply.value as never }
            : { ok: false, error: { code: 'IO', message: reply.message } },
        );
      },
      on: (event, listener) => {
        if (event !== 'menuCommand') return () => undefined;
        const l = listener as (p: ApiEvents['menuCommand']) => void;
        menu.add(l);
        return () => menu.delete(l);
      },
      pathsForFiles: () => [],
    }),
  );
  return {
    send: (command: ApiEvents['menuCommand']['command']) =>
      act(async () => {
        for (const l of menu) l({ command });
        await Promise.resolve();
      }),
    checks: () => checks,
  };
}

const report = (problems: CheckReport['problems']): CheckReport => ({
  ok: problems.length === 0,
  articlesChecked: 2127,
  cacheFilesChecked: 9,
  problems,
  tookMs: 700,
});

describe('CheckLibraryDialog', () => {
  it('stays closed until the menu asks, and ignores other commands', async () => {
    const menu = installCheck({ ok: true, value: report([]) });
    render(<CheckLibraryDialog />);
    await menu.send('show-shortcuts');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(menu.checks()).toBe(0);
  });

  it('reports a clean library', async () => {
    const menu = installCheck({ ok: true, value: report([]) });
    render(<CheckLibraryDialog />);
    await menu.send('check-library');
    expect(menu.checks()).toBe(1);
    expect(
      await screen.findByText(
        /Everything is in order: 2,127 article files and 9 cache files checked in 0.7 s/,
      ),
    ).toBeTruthy();
  });

  it('lists each problem with its file and reason, and closes', async () => {
    const menu = installCheck({
      ok: true,
      value: report([
        { path: 'articles/ab/abcdef0123456789.json', kind: 'article', reason: 'truncated' },
        { path: 'index/seg-1.postings', kind: 'index', reason: 'checksum mismatch' },
      ]),
    });
    render(<CheckLibraryDialog />);
    await menu.send('check-library');
    expect(await screen.findByText(/2 problems found/)).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'articles/ab/abcdef0123456789.json (article): truncated',
      'index/seg-1.postings (index): checksum mismatch',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says why when the check cannot run', async () => {
    const menu = installCheck({ ok: false, message: 'The library folder is gone.' });
    render(<CheckLibraryDialog />);
    await menu.send('check-library');
    expect(await screen.findByText(/could not run: The library folder is gone\./)).toBeTruthy();
  });
});
