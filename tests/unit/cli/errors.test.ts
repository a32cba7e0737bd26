// Exit statuses and one-line messages: bad usage, bad queries, failed imports, unknown
// ids, and a library another process holds open.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';
import { json, runCli, tempDir, type CliRun } from './run-cli';

const library = tempDir('ar-cli-err-');
const env = { ARCHIVE_READER_LIBRARY: library };
const cli = (...args: string[]): Promise<CliRun> => runCli(args, { env });

const expectOneLineError = (run: CliRun, status: number, pattern: RegExp): void => {
  expect(run.code, run.stderr).toBe(status);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^archive-reader: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};

beforeAll(async () => {
  const src = tempDir();
  writeFileSync(
    join(src, 'a.txt'),
    'Quiet village news\n\nThe village council met on Tuesday to discuss the bridge.\n',
  );
  const run = await cli('import', src, '--json');
  expect(run.code, run.stderr).toBe(0);
  expect(json<{ imported: unknown[] }>(run).imported).toHaveLength(1);
});

describe('help and version', () => {
  it('prints help listing every command, and help for one command', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const c of [
      'import',
      'search',
      'list',
      'show',
      'tag',
      'untag',
      'tags',
      'remove',
      'restore',
      'reindex',
      'stats',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
    const one = await cli('help', 'search');
    expect(one.stdout).toContain('--limit N');
    expect((await cli()).stdout).toContain('Usage: archive-reader COMMAND');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await cli('--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});

describe('bad usage exits 2', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['list', '--colour', 'red'], /colour/],
    [['show'], /usage: show ID/],
    [['list', '--limit', 'many'], /--limit must be a whole number/],
    [['show', 'x', '--limit', '2'], /--limit does not apply to 'show'/],
    [['help', 'nope'], /unknown command 'nope'/],
  ])('%j', async (args, pattern) => {
    const run = await cli(...args);
    expectOneLineError(run, 2, pattern);
    expect(run.stderr).toContain('--help');
    expect(run.stdout).toBe('');
  });

  it('exits 2 with a one-line reason for a bad query', async () => {
    expectOneLineError(await cli('search', 'title:'), 2, /\S/);
    const asJson = await cli('search', 'title:', '--json');
    expect(asJson.code).toBe(2);
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe('BAD_QUERY');
  });
});

describe('failures exit 3 with one line', () => {
  it('NOT_FOUND for an unknown id', async () => {
    expectOneLineError(
      await cli('show', 'ffffffffffffffff'),
      3,
      /ffffffffffffffff|not found|no article/i,
    );
    const asJson = await cli('tag', 'ffffffffffffffff', 'x', '--json');
    expect(asJson.code).toBe(3);
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe('NOT_FOUND');
  });

  it('read-only commands do not create a missing library', async () => {
    const missing = join(tempDir(), 'not-there');
    expectOneLineError(await cli('list', '--library', missing), 3, /no library/i);
    expect(existsSync(missing)).toBe(false);
  });

  it('shows the stack only with ARCHIVE_READER_DEBUG=1', async () => {
    const run = await runCli(['show', 'ffffffffffffffff'], {
      env: { ...env, ARCHIVE_READER_DEBUG: '1' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('failed import files exit 1', () => {
  it('lists every failed file with its reason and imports the rest', async () => {
    const src = tempDir();
    writeFileSync(
      join(src, 'good.txt'),
      'Harvest festival\n\nFarmers brought pumpkins to the square.\n',
    );
    writeFileSync(
      join(src, 'binary.txt'),
      Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 9]),
    );
    const missing = join(src, 'does-not-exist.txt');
    const run = await cli('import', src, missing, '--json');
    expect(run.code, run.stderr).toBe(1);
    const summary = json<{ imported: unknown[]; failed: { path: string; reason: string }[] }>(run);
    expect(summary.imported).toHaveLength(1);
    expect(summary.failed.map((f) => f.path).sort()).toEqual(
      [join(src, 'binary.txt'), missing].sort(),
    );
    for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(3);

    const human = await cli('import', join(src, 'binary.txt'));
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('0 imported, 0 duplicates, 1 failed, 0 skipped');
    expect(human.stdout).toMatch(/Failed:\n {2}.*binary\.txt: \S/);
  });
});

describe('a library held open by another process', () => {
  let holder: ReturnType<typeof spawn> | undefined;
  const held = tempDir('ar-cli-held-');

  beforeAll(async () => {
    const src = tempDir();
    mkdirSync(join(src, 'n'));
    writeFileSync(
      join(src, 'n', 'x.txt'),
      'Mountain railway opens\n\nThe mountain railway carried its first passengers.\n',
    );
    expect((await runCli(['import', src, '--library', held])).code).toBe(0);
    holder = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'fixtures', 'hold-lock.ts'), held],
      {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((ready, fail) => {
      holder!.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && ready());
      holder!.on('exit', (c) => fail(new Error(`lock holder exited with ${c}`)));
    });
  });

  afterAll(async () => {
    if (!holder) return;
    const exited = new Promise((done) => holder!.on('exit', done));
    holder.stdin!.end();
    await exited;
  });

  it('still answers read-only commands', async () => {
    const list = await runCli(['list', '--library', held, '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(json<{ total: number }>(list).total).toBe(1);
    const search = await runCli(['search', 'railway', '--library', held, '--json']);
    expect(search.code, search.stderr).toBe(0);
    expect(json<{ total: number }>(search).total).toBe(1);
    expect((await runCli(['stats', '--library', held])).code).toBe(0);
  });

  it('refuses writers with the LOCKED message and exit 3', async () => {
    const id = json<{ items: { id: string }[] }>(
      await runCli(['list', '--library', held, '--json']),
    ).items[0]!.id;
    expectOneLineError(await runCli(['tag', id, 'x', '--library', held]), 3, /lock|in use|open/i);
    const asJson = await runCli(['remove', id, '--library', held, '--json']);
    expect(asJson.code).toBe(3);
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe('LOCKED');
    // Nothing changed while locked.
    const after = json<{ items: { tags: string[] }[] }>(
      await runCli(['list', '--library', held, '--json']),
    );
    expect(after.items[0]!.tags).toEqual([]);
  });
});
