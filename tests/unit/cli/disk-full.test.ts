// The command line on a full disk: one JSON document per run, DISK_FULL (exit 3, one line on
// stderr) with what was kept, and no temp or lock files left behind. The disk is made full by
// a preload that fails file creation (any machine), and by a real tiny tmpfs where the tests
// run as root and may mount one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmdirSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';
import { cliSource, json, runCli, runProcess, tempDir, tsxLoader, type CliRun } from './run-cli';

const preload = pathToFileURL(resolve(repoRoot, 'tests', 'support', 'inject-enospc.ts')).href;

/** Runs the CLI with file creation under `under` failing after `after` files. */
function runOnFullDisk(args: string[], under: string, after: number): Promise<CliRun> {
  const home = tempDir('ar-cli-home-');
  return runProcess(
    process.execPath,
    ['--import', tsxLoader, '--import', preload, cliSource, ...args],
    {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      AR_ENOSPC_UNDER: under,
      AR_ENOSPC_AFTER: String(after),
    },
  );
}

function articles(n: number, bodyWords = 40): string {
  const dir = tempDir('ar-cli-src-');
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: bodyWords }, (_, k) => `word${(i * 7 + k) % 97}`).join(' ');
    writeFileSync(
      join(dir, `a${i}.txt`),
      `Report number ${i}\n\nBERLIN - Article ${i}: ${words}.\n`,
    );
  }
  return dir;
}

function leftovers(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => /(^|\/)\.[^/]*\.tmp$/.test(f) || /(^|\/)lock(\.|$)/.test(f));
}

const expectOneLine = (run: CliRun): void => {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^archive-reader: The disk is full/);
};

describe('a full disk (injected)', () => {
  it('stops an import with DISK_FULL in one JSON document saying what was kept', async () => {
    const lib = join(tempDir(), 'lib');
    const run = await runOnFullDisk(
      ['import', articles(80), '--library', lib, '--json'],
      join(lib, 'articles'),
      // The first chunk's pack and its index.
      2,
    );
    expect(run.code, run.stderr).toBe(3);
    expectOneLine(run);
    // JSON.parse fails on two documents.
    expect(json(run)).toEqual({
      error: {
        code: 'DISK_FULL',
        message: 'The disk is full: 32 articles were imported and kept; nothing else was changed.',
      },
    });
    expect(leftovers(lib)).toEqual([]);
    const list = await runCli(['list', '--library', lib, '--json']);
    expect(json<{ total: number }>(list).total).toBe(32);
  });

  it('keeps the result beside the error when only closing fails, in one document', async () => {
    const lib = join(tempDir(), 'lib');
    const run = await runOnFullDisk(
      ['import', articles(5), '--library', lib, '--json'],
      join(lib, 'index'),
      0,
    );
    expect(run.code, run.stderr).toBe(3);
    expectOneLine(run);
    const doc = json<{ imported: unknown[]; error: { code: string; message: string } }>(run);
    expect(doc.imported).toHaveLength(5);
    expect(doc.error).toEqual({
      code: 'DISK_FULL',
      message: expect.stringContaining('every change was kept'),
    });
    expect(leftovers(lib)).toEqual([]);
    const search = await runCli(['search', 'report', '--library', lib, '--json']);
    expect(json<{ total: number }>(search).total).toBe(5);
  });
});

/** A tmpfs of `kb` KiB, or null where it cannot be mounted (not root, no permission). */
function tinyDisk(kb: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ar-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    return null;
  }
}

const disk = tinyDisk(1024);
afterAll(() => {
  if (!disk) return;
  execFileSync('umount', [disk], { stdio: 'ignore' });
  rmdirSync(disk);
});

describe.skipIf(!disk)('a full disk (a real 1 MiB tmpfs)', () => {
  it('reports DISK_FULL in one document, keeps what it says, and leaves no temp or lock files', async () => {
    const lib = join(disk!, 'lib');
    const run = await runCli(['import', articles(600, 120), '--library', lib, '--json']);
    expect(run.code, run.stderr).toBe(3);
    expectOneLine(run);
    const { error } = json<{ error: { code: string; message: string } }>(run);
    expect(error.code).toBe('DISK_FULL');
    const kept = /^The disk is full: (\d+) articles? (?:was|were) imported and kept/.exec(
      error.message,
    );
    expect(kept, error.message).not.toBeNull();
    expect(leftovers(lib)).toEqual([]);
    const list = await runCli(['list', '--library', lib, '--json']);
    expect(json<{ total: number }>(list).total).toBe(Number(kept![1]));

    // The disk is still full: the next writer fails cleanly too, with no .lock temp file. (The
    // failed chunk's bytes were cut off the pack, so a few articles would fit again.)
    const again = await runCli(['import', articles(600, 120), '--library', lib, '--json']);
    expect(again.code, again.stderr).toBe(3);
    expect(json<{ error: { code: string } }>(again).error.code).toBe('DISK_FULL');
    expect(leftovers(lib)).toEqual([]);
  });
});
