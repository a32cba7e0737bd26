// Library → Back Up… and Restore… without Electron: the questions asked, progress shown and
// hidden (backupProgress events for the window, the taskbar), a Cancel from the window, what
// the boxes say, and the restored library offered and opened.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupRunProgress } from '../../../main/contract/backup';
import { ImportRegistry } from '../../../main/api/import-registry';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { writeBackup } from '../../../main/core/backup/write-backup';
import { openLibrary } from '../../../main/core/library';
import {
  backUpFlow,
  restoreFlow,
  type BackupFlowDeps,
  type BackupUi,
} from '../../../main/shell/backup-flow';
import { makeLibrary } from '../backup/backup-fixture';
import { tempDir } from '../cli/run-cli';

const base = tempDir('ar-shell-backup-');
const library = join(base, 'library');

beforeAll(async () => {
  await makeLibrary(library, join(base, 'src'), 6);
});

interface Script {
  backupFile?: string | null;
  restoreFile?: string | null;
  restoreFolder?: string | null;
  press?: number;
  /** Cancels the run (as the window's Cancel does) on this backupProgress event. */
  cancelOnEvent?: number;
}

function fakeDeps(script: Script) {
  const events: string[] = [];
  const progress: (number | null)[] = [];
  const sent: BackupRunProgress[] = [];
  const runs = new ImportRegistry();
  const opened: string[] = [];
  const revealed: string[] = [];
  const ui: BackupUi = {
    askBackupFile: async (suggested) => {
      events.push(`askBackupFile ${suggested}`);
      return script.backupFile ?? null;
    },
    askRestoreFile: async () => (events.push('askRestoreFile'), script.restoreFile ?? null),
    askRestoreFolder: async () => (events.push('askRestoreFolder'), script.restoreFolder ?? null),
    progress: (f) => void progress.push(f),
    inform: async (message, detail, buttons) => {
      events.push(`inform ${message} | ${detail} | ${buttons.join(',')}`);
      return script.press ?? 0;
    },
    fail: async (message, detail) => void events.push(`fail ${message} | ${detail}`),
  };
  const deps: BackupFlowDeps = {
    ui,
    libraryDir: () => library,
    appVersion: '1.0.0',
    documentsDir: '/home/someone/Documents',
    writeBackup,
    restoreBackup,
    reveal: (p) => revealed.push(p),
    openLibrary: async (dir) => void opened.push(dir),
    now: () => new Date('2026-03-04T10:00:00Z'),
    runs,
    emitProgress: (p) => {
      sent.push(p);
      if (sent.length === script.cancelOnEvent) runs.cancel(p.runId);
    },
  };
  return { deps, events, progress, sent, runs, opened, revealed };
}

describe('Back Up…', () => {
  it('suggests a dated file in Documents, shows progress, then says what it holds', async () => {
    const file = join(base, 'b.zip');
    const f = fakeDeps({ backupFile: file, press: 1 });
    await backUpFlow(f.deps);
    expect(f.events[0]).toBe(
      `askBackupFile ${join('/home/someone/Documents', 'Archive Reader backup 2026-03-04.zip')}`,
    );
    expect(f.events[1]).toMatch(
      /^inform Backup complete \| 6 articles \(1 in the trash\), 2 tags, 2 highlights/,
    );
    expect(f.progress.at(-1)).toBeNull();
    expect(f.progress.some((p) => p === 1)).toBe(true);
    expect(f.revealed).toEqual([file]);
    // The window's panel: one run, reading, finished with its last event.
    expect(new Set(f.sent.map((p) => `${p.operation} ${p.runId}`)).size).toBe(1);
    expect(f.sent[0]).toMatchObject({ operation: 'backup', phase: 'reading', done: 0 });
    const last = f.sent.at(-1)!;
    expect(last.ended).toBe('completed');
    expect(last.total).toBeGreaterThan(0);
    expect(last.done).toBe(last.total);
    expect(f.sent.filter((p) => p.ended !== undefined)).toHaveLength(1);
    expect(f.runs.size).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const f = fakeDeps({ backupFile: null });
    await backUpFlow(f.deps);
    expect(f.events).toHaveLength(1);
    expect(f.progress).toEqual([]);
  });

  it('shows the reason when the backup cannot be written', async () => {
    const f = fakeDeps({ backupFile: join(library, 'inside.zip') });
    await backUpFlow(f.deps);
    expect(f.events[1]).toMatch(/^fail The backup could not be written\. \| .*inside the library/);
    expect(f.progress).toEqual([null]);
    expect(f.sent.at(-1)).toMatchObject({ ended: 'failed' });
  });

  it('stops on a Cancel from the window: no file, no box, the panel told', async () => {
    const dir = tempDir('ar-shell-backup-cancel-');
    const f = fakeDeps({ backupFile: join(dir, 'b.zip'), cancelOnEvent: 2 });
    await backUpFlow(f.deps);
    expect(f.events).toHaveLength(1);
    expect(f.sent.at(-1)).toMatchObject({ operation: 'backup', ended: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
    expect(f.progress.at(-1)).toBeNull();
    expect(f.runs.size).toBe(0);
  });
});

describe('Restore…', () => {
  it('asks for the file, then the folder; restores; offers to open it and opens it', async () => {
    const file = join(base, 'r.zip');
    await writeBackup(library, file, { appVersion: '1' });
    const target = join(base, 'restored');
    const f = fakeDeps({ restoreFile: file, restoreFolder: target, press: 0 });
    await restoreFlow(f.deps);
    expect(f.events.slice(0, 2)).toEqual(['askRestoreFile', 'askRestoreFolder']);
    expect(f.events[2]).toMatch(
      /^inform Restore complete \| 6 articles .* restored into .*Open the restored library now\?/,
    );
    expect(f.events[2]).toMatch(/Open Restored Library,Not Now$/);
    expect(f.opened).toEqual([target]);
    expect(f.sent[0]).toMatchObject({ operation: 'restore', phase: 'verifying' });
    expect(f.sent.at(-1)).toMatchObject({ ended: 'completed' });
    expect(f.progress.at(-1)).toBeNull();
    // The caches are left to the first open, which rebuilds them: then check is clean.
    const lib = await openLibrary(target);
    try {
      expect((await lib.check()).problems).toEqual([]);
      expect((await lib.list({})).total).toBe(5);
    } finally {
      await lib.close();
    }
  });

  it('says nothing was restored for a folder that is not empty, and opens nothing', async () => {
    const file = join(base, 'r2.zip');
    await writeBackup(library, file, { appVersion: '1' });
    const f = fakeDeps({ restoreFile: file, restoreFolder: library });
    await restoreFlow(f.deps);
    expect(f.events[2]).toMatch(
      /^fail The backup could not be restored\. Nothing was restored\. \| .*not empty/,
    );
    expect(f.opened).toEqual([]);
  });

  it('stops on a Cancel from the window, leaving the new folder absent', async () => {
    const file = join(base, 'r3.zip');
    await writeBackup(library, file, { appVersion: '1' });
    const parent = tempDir('ar-shell-restore-cancel-');
    const f = fakeDeps({
      restoreFile: file,
      restoreFolder: join(parent, 'restored'),
      cancelOnEvent: 2,
    });
    await restoreFlow(f.deps);
    expect(f.events).toEqual(['askRestoreFile', 'askRestoreFolder']);
    expect(f.sent.at(-1)).toMatchObject({ operation: 'restore', ended: 'cancelled' });
    expect(readdirSync(parent)).toEqual([]);
    expect(f.opened).toEqual([]);
  });

  it('stops when either dialog is cancelled', async () => {
    const first = fakeDeps({ restoreFile: null });
    await restoreFlow(first.deps);
    expect(first.events).toEqual(['askRestoreFile']);
    const second = fakeDeps({ restoreFile: join(base, 'r.zip'), restoreFolder: null });
    await restoreFlow(second.deps);
    expect(second.events).toEqual(['askRestoreFile', 'askRestoreFolder']);
    expect(readdirSync(base).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
