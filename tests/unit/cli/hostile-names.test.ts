// File names and texts that try to act on the terminal, links out of the chosen folder and
// named pipes, through the real command line: nothing raw reaches the terminal, nothing hangs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/tmp-dir';
import { cliSource, json, tsxLoader, type CliRun } from './run-cli';

// What a terminal may act on in a line: C0 controls but tab (ESC, BEL, CR...), DEL, C1, bidi.
// eslint-disable-next-line no-control-regex -- the controls are what is looked for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const posix = process.platform !== 'win32';

const ESC_NAME = 'esc-\x1b]0;PWNED\x07-\x1b[2J-name.txt';
const NEWLINE_NAME = 'new\nline.txt';
const TITLE = 'Evil \u202etxt.exe lanterns';

/** Runs the CLI, killing it after `ms` so that a hang fails the test instead of the run. */
function cli(args: string[], env: Record<string, string>, cwd?: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, cliSource, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: tempDir('ar-home-'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Every line of the output is free of anything a terminal would act on. */
function expectSafe(run: CliRun): void {
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) expect(line).not.toMatch(UNSAFE);
}

let src: string;
let fifo: string;
let outside: string;

beforeAll(() => {
  src = tempDir('ar-hostile-src-');
  writeFileSync(
    join(src, ESC_NAME),
    `${TITLE}\n\nThe lanterns\x1b[2J were lit at dusk by the old keepers of the harbour.\n`,
  );
  writeFileSync(join(src, NEWLINE_NAME), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  outside = tempDir('ar-hostile-outside-');
  writeFileSync(join(outside, 'private.txt'), 'Private\n\nNot for this archive at all.\n');
  symlinkSync(outside, join(src, 'outside-dir'));
  mkdirSync(join(src, 'sub'));
  symlinkSync('../..', join(src, 'sub', 'up2'));
  if (posix) {
    execFileSync('mkfifo', [join(src, 'pipe.txt')]);
    fifo = join(tempDir('ar-hostile-fifo-'), 'named-pipe.txt');
    execFileSync('mkfifo', [fifo]);
  }
});

describe('import', () => {
  it.skipIf(!posix)('refuses named pipes at once and lists links out of the folder', async () => {
    const env = { ARCHIVE_READER_LIBRARY: tempDir('ar-hostile-lib-') };
    const run = await cli(['import', src, fifo, '--json'], env);
    expect(run.code, run.stderr).toBe(1);
    const summary = json<{
      imported: { title: string; path: string }[];
      failed: { path: string; reason: string }[];
      skipped: number;
      skippedFiles: { path: string; reason: string }[];
    }>(run);
    expect(summary.imported.map((a) => [a.title, a.path])).toEqual([[TITLE, join(src, ESC_NAME)]]);
    expect(summary.failed).toContainEqual({
      path: fifo,
      reason: 'not a regular file: a named pipe',
    });
    expect(summary.failed.map((f) => f.path)).toContain(join(src, NEWLINE_NAME));
    expect(summary.skippedFiles).toContainEqual({
      path: join(src, 'pipe.txt'),
      reason: 'not a regular file: a named pipe',
    });
    const links = summary.skippedFiles.filter((s) => /outside the chosen folder/.test(s.reason));
    expect(links.map((s) => s.path).sort()).toEqual([
      join(src, 'outside-dir'),
      join(src, 'sub', 'up2'),
    ]);
    expect(run.stdout).not.toContain('Private');
    expectSafe(run);
  });

  it.skipIf(!posix)('prints names escaped, one line each, with the skip reasons', async () => {
    const env = { ARCHIVE_READER_LIBRARY: tempDir('ar-hostile-lib-') };
    const run = await cli(['import', src], env, src);
    expect(run.code, run.stderr).toBe(1);
    expectSafe(run);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ {2}\+ [0-9a-f]{16} {2}Evil \\u202etxt\.exe lanterns$/);
    expect(lines).toContain(`  new\\x0aline.txt: file looks binary (it contains NUL bytes)`);
    expect(lines).toContain('Skipped:');
    expect(lines).toContain('  pipe.txt: not a regular file: a named pipe');
    expect(lines.find((l) => l.startsWith('  outside-dir: '))).toContain(outside);
  });
});

describe('reading commands', () => {
  const env = { ARCHIVE_READER_LIBRARY: '' };
  let id = '';

  beforeAll(async () => {
    env.ARCHIVE_READER_LIBRARY = tempDir('ar-hostile-lib-');
    const run = await cli(['import', join(src, ESC_NAME), '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    id = json<{ imported: { id: string }[] }>(run).imported[0]!.id;
  });

  it('escapes titles and paths in list, show and search', async () => {
    for (const args of [
      ['list'],
      ['show', id],
      ['show', id, '--original'],
      ['search', 'lanterns'],
    ]) {
      const run = await cli(args, env);
      expect(run.code, run.stderr).toBe(0);
      expectSafe(run);
      expect(run.stdout).toContain('\\u202e');
    }
    const show = await cli(['show', id], env);
    expect(show.stdout).toContain('esc-\\x1b]0;PWNED\\x07-\\x1b[2J-name.txt');
  });

  it('writes JSON a terminal can show safely that decodes to the same strings', async () => {
    for (const args of [
      ['list', '--json'],
      ['show', id, '--original', '--json'],
    ]) {
      const run = await cli(args, env);
      expect(run.code, run.stderr).toBe(0);
      expectSafe(run);
      expect(run.stdout).toContain('\\u202e');
    }
    const view = json<{ title: string; sourcePath: string; original: string }>(
      await cli(['show', id, '--original', '--json'], env),
    );
    expect(view.title).toBe(TITLE);
    expect(view.sourcePath).toBe(join(src, ESC_NAME));
    expect(view.original).toContain('\x1b[2J');
  });

  it('escapes what the person typed when it comes back in an error message', async () => {
    const run = await cli(['show', 'x\x1b]0;PWNED\x07\u202e'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^archive-reader: /);
    expectSafe(run);
    const asJson = await cli(['show', 'x\x1b]0;PWNED\x07\u202e', '--json'], env);
    expectSafe(asJson);
    expect(json<{ error: { message: string } }>(asJson).error.message).toContain('\u202e');
  });
});
