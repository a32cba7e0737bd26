// archive-reader watch [add DIR | remove DIR | run]: the contract of docs/cli.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../main/cli/args';
import { batchLine } from '../../../main/cli/commands/watch';
import { cliOnNewLibrary, json, ok, runCli, startCli, tempDir } from './run-cli';

const story = (title: string, n: number) =>
  `${title}\n\nLONDON - The body of story ${n} has words enough to be an article of its own.\n`;

interface Listed {
  folders: { path: string; addedAt: string; present: boolean; watching: boolean }[];
}

describe('parsing watch', () => {
  it('takes no arguments, add DIR, remove DIR or run', () => {
    expect(parseCommandLine(['watch'])).toMatchObject({ command: 'watch', args: [] });
    expect(parseCommandLine(['watch', 'add', 'in box'])).toMatchObject({
      args: ['add', 'in box'],
    });
    expect(parseCommandLine(['watch', 'run', '--json'])).toMatchObject({
      args: ['run'],
      json: true,
    });
    for (const args of [
      ['watch', 'list'],
      ['watch', 'remove'],
      ['watch', 'add', ' '],
      ['watch', 'add', 'a', 'b'],
      ['watch', 'add', 'a', '--limit', '3'],
    ]) {
      expect(() => parseCommandLine(args), args.join(' ')).toThrow(/usage|too many|does not apply/);
    }
  });

  it('tells a batch in one line: counts, and the first failure', () => {
    const line = batchLine({
      folder: '/data/inbox',
      at: new Date(2026, 0, 2, 3, 4, 5).toISOString(),
      files: 4,
      imported: 1,
      duplicates: 2,
      restored: 0,
      failed: 1,
      titles: ['A'],
      failures: [{ path: '/data/inbox/b.txt', reason: 'the file is empty' }],
    });
    expect(line).toBe(
      '03:04:05  /data/inbox  1 article imported, 2 duplicates, 1 failed (/data/inbox/b.txt: the file is empty)',
    );
    expect(line).not.toContain('\n');
  });
});

describe('archive-reader watch', () => {
  it('lists, adds (as an absolute path) and removes watched folders', async () => {
    const { cli, env } = cliOnNewLibrary('ar-cli-watch-');
    const base = tempDir('ar-cli-watch-src-');
    mkdirSync(join(base, 'inbox'));
    expect(ok(await cli('watch')).stdout).toContain('No watched folders');
    expect(json<Listed>(ok(await cli('watch', '--json')))).toEqual({ folders: [] });

    const added = ok(await runCli(['watch', 'add', 'inbox'], { env, cwd: base }));
    expect(added.stdout).toContain(`Watching ${join(base, 'inbox')}`);
    const listed = json<Listed>(ok(await cli('watch', '--json')));
    expect(listed.folders).toEqual([
      {
        path: join(base, 'inbox'),
        addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        present: true,
        watching: false,
        problem: null,
      },
    ]);
    expect(ok(await cli('watch')).stdout).toMatch(
      /FOLDER\s+STATE\s+ADDED\n.*inbox\s+there\s+\d{4}/,
    );

    const removed = json<Listed>(ok(await cli('watch', 'remove', join(base, 'inbox'), '--json')));
    expect(removed).toEqual({ folders: [] });
  });

  it('refuses a folder that is not there (exit 3), a file (exit 2) and bad usage (exit 2)', async () => {
    const { cli } = cliOnNewLibrary('ar-cli-watch-');
    const base = tempDir('ar-cli-watch-src-');
    writeFileSync(join(base, 'a.txt'), 'x');
    const missing = await cli('watch', 'add', join(base, 'nope'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('There is no folder at');
    const file = await cli('watch', 'add', join(base, 'a.txt'));
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file, not a folder');
    const notWatched = await cli('watch', 'remove', base, '--json');
    expect(notWatched.code).toBe(3);
    expect(json<{ error: { code: string } }>(notWatched).error.code).toBe('NOT_FOUND');
    for (const args of [
      ['watch', 'follow', base],
      ['watch', 'add'],
      ['watch', 'run', 'x'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: watch [add DIR | remove DIR | run]');
    }
    const nothing = await cli('watch', 'run');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no folder is watched');
  });

  it('run catches up, imports new files as they arrive, and stops cleanly on SIGINT', async () => {
    const { cli, env } = cliOnNewLibrary('ar-cli-watch-');
    const inbox = join(tempDir('ar-cli-watch-src-'), 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'before.txt'), story('Written before watching', 1));
    ok(await cli('watch', 'add', inbox));

    const run = startCli(['watch', 'run'], { env });
    await run.waitFor(/1 article imported/);
    writeFileSync(join(inbox, 'later.md'), story('Written while watching', 2));
    await run.waitFor(/1 article imported[^]*\n.*1 article imported/);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect(run.stdout).toContain(inbox);
    run.child.kill('SIGINT');
    const done = await run.exited;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Stopped watching; 2 articles imported.');

    const listed = json<{ items: { title: string }[] }>(ok(await cli('list', '--json')));
    expect(listed.items.map((a) => a.title).sort()).toEqual([
      'Written before watching',
      'Written while watching',
    ]);
    ok(await cli('check'));
  });

  it('run --json prints one JSON line per batch, stops on SIGTERM, and imports nothing twice', async () => {
    const { cli, env } = cliOnNewLibrary('ar-cli-watch-');
    const inbox = join(tempDir('ar-cli-watch-src-'), 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'one.txt'), story('The first story', 3));
    ok(await cli('watch', 'add', inbox));

    const first = startCli(['watch', 'run', '--json'], { env });
    await first.waitFor(/\n/);
    const batch = JSON.parse(first.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(batch).toMatchObject({ folder: inbox, files: 1, imported: 1, failed: 0 });
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    // Started again: the file already imported is not read again; a new one is.
    writeFileSync(join(inbox, 'two.txt'), story('The second story', 4));
    const second = startCli(['watch', 'run', '--json'], { env });
    await second.waitFor(/\n/);
    expect(JSON.parse(second.stdout.split('\n')[0]!)).toMatchObject({ files: 1, imported: 1 });
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
    expect(json<{ total: number }>(ok(await cli('list', '--json'))).total).toBe(2);
  });
});
