// The command-line contract of `backup FILE` and `restore FILE --library DIR`: JSON
// summaries, exit codes, one-line errors, and a backup taken while the app holds the library.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupResultSchema, restoreResultSchema } from '../../../main/contract/backup';
import { repoRoot } from '../../support/shared-data';
import { openLibrary } from '../../../main/core/library';
import { readZip, writeArticleFiles, writeZip } from '../backup/backup-fixture';
import { writeArticles } from './library-fixture';
import {
  cliOnNewLibrary,
  cliSource,
  json,
  ok,
  runCli,
  tempDir,
  tsxLoader,
  type CliRun,
} from './run-cli';

const { library, cli } = cliOnNewLibrary('ar-cli-backup-');
const out = tempDir('ar-cli-backup-out-');
const backup = join(out, 'library.zip');
let ids: string[] = [];

const listed = async (dir: string): Promise<{ id: string; tags: string[] }[]> =>
  json<{ items: { id: string; tags: string[]; favourite: boolean }[] }>(
    ok(await runCli(['list', '--library', dir, '--json'])),
  )
    .items.map((a) => ({ id: a.id, tags: a.tags, favourite: a.favourite }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const oneLineError = (run: CliRun, status: number, pattern: RegExp): void => {
  expect(run.code, run.stderr).toBe(status);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^archive-reader: /);
  expect(lines[0]).toMatch(pattern);
};

beforeAll(async () => {
  ok(await cli('import', writeArticles()));
  ids = json<{ items: { id: string }[] }>(ok(await cli('list', '--json'))).items.map((a) => a.id);
  ok(await cli('tag', ids[0]!, 'Harbours'));
  const body = json<{ body: string }>(ok(await cli('show', ids[0]!, '--json'))).body;
  ok(await cli('highlight', ids[0]!, body.split(/\s+/)[0]!, '--note', 'first word'));
  ok(await cli('remove', ids[1]!));
});

describe('archive-reader backup FILE', () => {
  it('--json prints the documented summary, and the file is a zip with a manifest', async () => {
    const run = ok(await cli('backup', backup, '--json'));
    const result = backupResultSchema.parse(json(run));
    expect(result.path).toBe(backup);
    expect(result.contents).toMatchObject({
      articles: ids.length,
      trashed: 1,
      tags: 1,
      highlights: 1,
      notes: 1,
    });
    expect(result.skipped).toEqual([]);
    expect(readFileSync(backup).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(readdirSync(out)).toEqual(['library.zip']);
  });

  it('prints one line of text without --json', async () => {
    const run = ok(await cli('backup', join(out, 'text.zip')));
    expect(run.stdout).toMatch(
      new RegExp(`^Backed up ${ids.length} articles \\(1 in the trash\\), 1 tag, 1 highlight`),
    );
  });

  it('refuses a FILE inside the library (exit 2) and needs exactly one FILE', async () => {
    oneLineError(await cli('backup', join(library, 'b.zip')), 2, /inside the library/);
    oneLineError(await cli('backup'), 2, /usage: backup FILE/);
    oneLineError(await cli('backup', 'a.zip', 'b.zip'), 2, /too many arguments/);
  });
});

describe('archive-reader restore FILE --library DIR', () => {
  it('--json prints the documented summary; check is clean; the same articles and tags', async () => {
    const target = join(tempDir('ar-cli-restore-'), 'new-library');
    const run = ok(await runCli(['restore', backup, '--library', target, '--json']));
    const result = restoreResultSchema.parse(json(run));
    expect(result).toMatchObject({ library: target, backup });
    expect(result.contents.articles).toBe(ids.length);
    ok(await runCli(['check', '--library', target]));
    expect(await listed(target)).toEqual(await listed(library));
    const highlights = ok(await runCli(['highlights', '--library', target, '--json']));
    expect(JSON.stringify(json(highlights))).toContain('first word');
    // The article in the trash is still there, and `restore ID` still takes it out.
    ok(await runCli(['restore', ids[1]!, '--library', target]));
    expect((await listed(target)).map((a) => a.id)).toContain(ids[1]);
  });

  it('prints what it restored without --json', async () => {
    const target = join(tempDir('ar-cli-restore-'), 'lib');
    const run = ok(await runCli(['restore', backup, '--library', target]));
    expect(run.stdout).toMatch(/^Restored \d+ articles \(1 in the trash\), 1 tag, 1 highlight/);
    expect(run.stdout).toContain('every checksum verified');
  });

  it('refuses a folder that is not empty (exit 2) and writes nothing', async () => {
    const target = tempDir('ar-cli-restore-busy-');
    writeFileSync(join(target, 'keep.txt'), 'mine');
    oneLineError(await runCli(['restore', backup, '--library', target]), 2, /not empty/);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('needs --library (exit 2)', async () => {
    oneLineError(await runCli(['restore', backup]), 2, /needs --library DIR/);
  });

  it('a damaged backup fails (exit 3) naming the damaged entry, and restores nothing', async () => {
    const entries = await readZip(backup);
    const victim = entries.find((e) => e.name.startsWith('library/articles/'))!;
    victim.bytes = Buffer.concat([victim.bytes, Buffer.from(' ')]);
    const damaged = join(out, 'damaged.zip');
    await writeZip(damaged, entries);
    const parent = tempDir('ar-cli-restore-bad-');
    const target = join(parent, 'lib');
    const run = await runCli(['restore', damaged, '--library', target, '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(victim.name);
    const error = json<{ error: { code: string; message: string } }>(run).error;
    expect(error.code).toBe('LIBRARY_CORRUPT');
    expect(error.message).toContain(victim.name);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a file that is not a backup fails with exit 3 and restores nothing', async () => {
    const notZip = join(out, 'notes.txt');
    writeFileSync(notZip, 'just text');
    const parent = tempDir('ar-cli-restore-bad-');
    oneLineError(
      await runCli(['restore', notZip, '--library', join(parent, 'lib')]),
      3,
      /not a complete zip/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('backup while the app holds the library', () => {
  let holder: ChildProcess | undefined;
  const held = tempDir('ar-cli-backup-held-');

  beforeAll(async () => {
    ok(await runCli(['import', writeArticles(), '--library', held]));
    holder = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'fixtures', 'hold-lock.ts'), held],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
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

  it('backs up without the lock, and the backup restores clean', async () => {
    const file = join(tempDir('ar-cli-backup-held-out-'), 'b.zip');
    ok(await runCli(['backup', file, '--library', held]));
    const target = join(tempDir('ar-cli-restore-'), 'lib');
    ok(await runCli(['restore', file, '--library', target]));
    ok(await runCli(['check', '--library', target]));
    expect(existsSync(join(target, 'lock'))).toBe(false);
  });
});

describe('Ctrl-C during a backup', () => {
  it('exits 130 and leaves no file, not even a temp file', async () => {
    const big = tempDir('ar-cli-backup-big-');
    const lib = await openLibrary(big);
    try {
      await lib.importSources([
        { path: writeArticleFiles(join(big, '..', `${basename(big)}-src`), 3000) },
      ]);
    } finally {
      await lib.close();
    }
    const dir = tempDir('ar-cli-backup-int-');
    const child = spawn(
      process.execPath,
      ['--import', tsxLoader, cliSource, 'backup', join(dir, 'b.zip'), '--library', big],
      { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: tempDir() }, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((done) => child.on('close', done));
    let finished = false;
    void exited.then(() => (finished = true));
    // Interrupt once the temp file is being written.
    while (!finished && readdirSync(dir).length === 0) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    const code = await exited;
    if (code === 0) {
      // The machine was fast enough to finish first: then the backup is whole.
      expect(readdirSync(dir)).toEqual(['b.zip']);
    } else {
      expect(code).toBe(130);
      expect(readdirSync(dir)).toEqual([]);
    }
  }, 120_000);
});
