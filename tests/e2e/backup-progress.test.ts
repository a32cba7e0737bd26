/// <reference lib="dom" />
// Library → Back Up… in the renderer build over the HTTP bridge in Chromium: main's flow (with
// its dialogs answered) sends backupProgress events, the window shows them with a Cancel, and
// the Cancel reaches the run through cancelBackup: no backup file, no box, a toast instead.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../main/core/backup/write-backup';
import type { BackupFlowDeps } from '../../main/shell/backup-flow';
import { screenshot, seriousAxeViolations } from '../support/e2e-browser';
import {
  browserTestsReady,
  endSession,
  type FreshApp,
  openFreshApp,
  seedLibrary,
  type SeedLibrary,
} from '../support/e2e-session';

const ready = browserTestsReady({ label: 'backup progress' });

describe.skipIf(!ready)('Library → Back Up… progress in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let out: string;
  let session: FreshApp | undefined;

  beforeAll(async () => {
    src = mkdtempSync(join(tmpdir(), 'articles-'));
    out = mkdtempSync(join(tmpdir(), 'backups-'));
    writeFileSync(join(src, 'tide.txt'), 'Tide tables\n\nThe spring tides come early this year.\n');
    writeFileSync(
      join(src, 'ferry.txt'),
      'Ferry timetable\n\nThe winter ferry runs twice a day.\n',
    );
    seed = await seedLibrary(async (engine) => void (await engine.importSources([{ path: src }])));
  });
  afterAll(async () => {
    await seed?.remove();
    rmSync(src, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  it('shows the run with a Cancel that stops it, then a real backup completes', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    const { page, app } = session;
    // The real writeBackup, held after its first report until the window's Cancel arrives.
    const held: BackupFlowDeps['writeBackup'] = async (dir, file, options) => {
      options.onProgress?.({ phase: 'reading', done: 1, total: 3 });
      await new Promise<void>((resolve) => {
        if (options.signal?.aborted) resolve();
        options.signal?.addEventListener('abort', () => resolve());
      });
      return writeBackup(dir, file, options);
    };
    const cancelled = join(out, 'cancelled.zip');
    const run = app.backUp(cancelled, held);
    const dialog = page.getByRole('dialog', { name: 'Back Up' });
    await dialog.getByText('Backing up 1 of 3 files…').waitFor();
    expect(await dialog.getByRole('progressbar').getAttribute('value')).toBe('1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'backup-progress');
    await page.setViewportSize({ width: 800, height: 700 });
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(800);
    await screenshot(page, 'backup-progress-800');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await run).toEqual([]);
    await page.getByText('Backup cancelled; no backup file was written.').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(existsSync(cancelled)).toBe(false);
    expect(readdirSync(out)).toEqual([]);

    const complete = join(out, 'complete.zip');
    expect(await app.backUp(complete)).toEqual(['Backup complete']);
    expect(existsSync(complete)).toBe(true);
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
  });
});
