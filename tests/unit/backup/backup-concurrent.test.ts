// Backups taken while another process keeps writing to the library: each must restore to a
// library `check` finds clean. (The 10,000-article round trip is tests/e2e/backup-scale.test.ts.)
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { writeBackup } from '../../../main/core/backup/write-backup';
import { openLibrary } from '../../../main/core/library';
import { repoRoot } from '../../support/shared-data';
import { tempDir } from '../cli/run-cli';
import { writeArticleFiles } from './backup-fixture';

let base: string;

beforeAll(() => {
  base = tempDir('ar-backup-scale-');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a backup while another process writes to the library', () => {
  it('holds whole articles only: every backup restores and checks clean', async () => {
    const library = join(base, 'busy');
    const lib = await openLibrary(library);
    await lib.importSources([{ path: writeArticleFiles(join(base, 'busy-src'), 400, 7) }]);
    await lib.close();
    const more = writeArticleFiles(join(base, 'busy-more'), 300, 99);
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'fixtures', 'busy-writer.ts'), library, more],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let rounds = 0;
    // Backups during which the writer finished at least one round of writes.
    let overlapped = 0;
    const exited = new Promise<number | null>((done) => writer.on('exit', done));
    try {
      await new Promise<void>((ready, fail) => {
        writer.stdout.on('data', (d: Buffer) => {
          const text = d.toString();
          if (text.includes('ready')) ready();
          for (const m of text.matchAll(/writes (\d+)/g)) rounds = Number(m[1]);
        });
        writer.on('exit', (c) => fail(new Error(`writer exited with ${c}`)));
      });
      for (let i = 0; i < 3; i++) {
        const before = rounds;
        const file = join(base, `busy-${i}.zip`);
        await writeBackup(library, file, { appVersion: 'test' });
        if (rounds > before) overlapped++;
        // Wait until the writer has written during or after this backup, so they overlap.
        while (rounds === before) await new Promise((r) => setTimeout(r, 20));
        const target = join(base, `busy-restored-${i}`);
        const restored = await restoreBackup(file, target);
        expect(restored.contents.articles).toBeGreaterThanOrEqual(400);
        const copy = await openLibrary(target, { readOnly: true });
        try {
          expect((await copy.check()).problems).toEqual([]);
        } finally {
          await copy.close();
        }
      }
    } finally {
      writer.stdin.end();
      expect(await exited).toBe(0);
    }
    expect(rounds).toBeGreaterThan(0);
    expect(overlapped).toBeGreaterThan(0);
    expect(readdirSync(base).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 300_000);
});
