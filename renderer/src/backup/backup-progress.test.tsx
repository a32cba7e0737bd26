// Library → Back Up… and Restore… run in main: the window shows their progress from the
// first backupProgress event to the last, with a Cancel that reaches main (cancelBackup).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRunProgress } from '../../../main/contract/backup';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { BackupProgress, progressMessage } from './BackupProgress';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  Element.prototype.scrollIntoView = () => undefined;
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterAll(() => restoreLayout());
afterEach(cleanup);

const backup = (p: Partial<BackupRunProgress>): BackupRunProgress => ({
  runId: 'run-1',
  operation: 'backup',
  phase: 'reading',
  done: 0,
  total: 0,
  ...p,
});

describe('the backup and restore progress panel', () => {
  it('shows a backup as it runs; Cancel reaches main; the last event closes it and says so', async () => {
    const main = installFakeMain([]);
    const notices: string[] = [];
    render(<BackupProgress notify={(m) => notices.push(m)} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => main.emit('backupProgress', backup({})));
    const dialog = await screen.findByRole('dialog', { name: 'Back Up' });
    within(dialog).getByText('Listing the library’s files…');
    expect(within(dialog).queryByRole('progressbar')).toBeNull();

    act(() => main.emit('backupProgress', backup({ done: 1200, total: 4000 })));
    within(dialog).getByText(
      `Backing up ${(1200).toLocaleString()} of ${(4000).toLocaleString()} files…`,
    );
    const bar = within(dialog).getByRole<HTMLProgressElement>('progressbar');
    expect([bar.value, bar.max]).toEqual([1200, 4000]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(main.argsOf('cancelBackup')).toEqual([{ runId: 'run-1' }]);
    // Open until main says the run has stopped.
    expect(screen.getByRole('dialog', { name: 'Back Up' })).toBeTruthy();
    act(() => main.emit('backupProgress', backup({ done: 1200, total: 4000, ended: 'cancelled' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(notices).toEqual(['Backup cancelled; no backup file was written.']);
  });

  it('shows a restore; a completed or failed run closes quietly (main shows its own box)', async () => {
    const main = installFakeMain([]);
    const notices: string[] = [];
    render(<BackupProgress notify={(m) => notices.push(m)} />);
    const restore = (p: Partial<BackupRunProgress>) =>
      backup({ runId: 'run-2', operation: 'restore', phase: 'verifying', ...p });
    act(() => main.emit('backupProgress', restore({ done: 3, total: 9 })));
    const dialog = await screen.findByRole('dialog', { name: 'Restore' });
    within(dialog).getByText('Restoring 3 of 9 files, each checked against the backup…');
    // Esc (the dialog's cancel event) is a Cancel too.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(main.argsOf('cancelBackup')).toEqual([{ runId: 'run-2' }]);
    act(() => main.emit('backupProgress', restore({ done: 9, total: 9, ended: 'completed' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => main.emit('backupProgress', restore({ runId: 'run-3' })));
    await screen.findByRole('dialog', { name: 'Restore' });
    act(() => main.emit('backupProgress', restore({ runId: 'run-3', ended: 'failed' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(notices).toEqual([]);
  });

  it('is part of the app window', async () => {
    const main = installFakeMain([fakeArticle(1)]);
    render(<App />);
    await screen.findByText('Article 1', { selector: '.row-title-text' });
    act(() => main.emit('backupProgress', backup({ done: 5, total: 10 })));
    const dialog = await screen.findByRole('dialog', { name: 'Back Up' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(main.argsOf('cancelBackup')).toEqual([{ runId: 'run-1' }]);
    act(() => main.emit('backupProgress', backup({ ended: 'cancelled' })));
    await screen.findByText('Backup cancelled; no backup file was written.');
  }, 20_000);

  it('words the rebuild of the index by articles', () => {
    expect(
      progressMessage(backup({ operation: 'restore', phase: 'indexing', done: 2, total: 5 })),
    ).toBe('Rebuilding the search index: 2 of 5 articles…');
  });
});
