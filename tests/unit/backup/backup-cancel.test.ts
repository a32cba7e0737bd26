// Cancelling a backup or a restore at any point before it is in place leaves nothing behind:
// no backup file nor temp file, and a restore target exactly as it was (empty or absent).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../../main/contract/backup';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { writeBackup } from '../../../main/core/backup/write-backup';
import { tempDir } from '../cli/run-cli';
import { makeLibrary } from './backup-fixture';

let base: string;
let library: string;
let backup: string;

beforeAll(async () => {
  base = tempDir('ar-backup-cancel-');
  library = join(base, 'library');
  await makeLibrary(library, join(base, 'src'), 5);
  backup = join(base, 'library.zip');
  await writeBackup(library, backup, { appVersion: '1' });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** An AbortController aborted on the first progress report that `when` accepts. */
function abortWhen(when: (p: BackupProgress) => boolean) {
  const controller = new AbortController();
  const seen: BackupProgress[] = [];
  return {
    signal: controller.signal,
    seen,
    onProgress: (p: BackupProgress) => {
      seen.push(p);
      if (when(p)) controller.abort();
    },
  };
}

describe('cancelling a backup', () => {
  it('once every file is read (while the archive is finished) leaves no file at all', async () => {
    const dir = tempDir('ar-backup-cancel-late-');
    const cancel = abortWhen((p) => p.total > 0 && p.done === p.total);
    await expect(
      writeBackup(library, join(dir, 'b.zip'), { appVersion: '1', ...cancel }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cancel.seen.at(-1)).toMatchObject({ phase: 'reading' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('as it starts leaves no file at all', async () => {
    const dir = tempDir('ar-backup-cancel-early-');
    const cancel = abortWhen((p) => p.done === 0);
    await expect(
      writeBackup(library, join(dir, 'b.zip'), { appVersion: '1', ...cancel }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('cancelling a restore', () => {
  it('while verifying leaves an absent target absent, and no folder it made', async () => {
    const parent = tempDir('ar-restore-cancel-');
    const made = join(parent, 'new', 'folders');
    const cancel = abortWhen((p) => p.phase === 'verifying');
    await expect(restoreBackup(backup, join(made, 'restored'), cancel)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('while the caches are rebuilt leaves an empty target empty', async () => {
    const parent = tempDir('ar-restore-cancel-index-');
    const target = join(parent, 'restored');
    mkdirSync(target);
    const cancel = abortWhen((p) => p.phase === 'indexing');
    await expect(restoreBackup(backup, target, cancel)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(cancel.seen.some((p) => p.phase === 'indexing')).toBe(true);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(parent)).toEqual(['restored']);
    expect(existsSync(join(target, 'manifest.json'))).toBe(false);
  });
});
