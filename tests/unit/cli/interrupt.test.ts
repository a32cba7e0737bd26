// Ctrl-C during an import: what was stored stays, the summary says so, exit 130.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';
import { cliSource, json, runCli, tempDir, tsxLoader } from './run-cli';

describe('interrupting an import', () => {
  it('stops after the file in hand and reports what was imported', async () => {
    const src = tempDir();
    const files = 1500;
    for (let i = 0; i < files; i++) {
      writeFileSync(
        join(src, `s${i}.txt`),
        `Story ${i} of the series\n\nThe body of story ${i} mentions token${i}.\n`,
      );
    }
    const lib = join(tempDir(), 'lib');
    const child = spawn(
      process.execPath,
      ['--import', tsxLoader, cliSource, 'import', src, '--library', lib, '--json'],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, HOME: tempDir() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    // Interrupt once articles are being written.
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && !existsSync(join(lib, 'articles')))
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await exited;
    const summary = JSON.parse(stdout) as { imported: unknown[]; cancelled: boolean };
    const stored = json<{ total: number }>(
      await runCli(['list', '--library', lib, '--json', '--limit', '1']),
    );
    expect(stored.total).toBe(summary.imported.length);
    if (code === 0) {
      // The machine was fast enough to finish first; then everything must be there.
      expect(summary.imported).toHaveLength(files);
    } else {
      expect(code).toBe(130);
      expect(summary.cancelled).toBe(true);
      expect(summary.imported.length).toBeLessThan(files);
    }
  });
});
