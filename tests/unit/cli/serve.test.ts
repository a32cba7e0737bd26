// `archive-reader serve` keeps a library open and answers `list` and `search` sent by fresh
// command-line processes (main/cli/service/). Its answers must be the ones the command gives
// alone, stay current when another process changes the library, and the command line must
// answer itself whenever no safe, live service is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeArticles } from './library-fixture';
import { cliSource, json, runCli, tempDir, tsxLoader } from './run-cli';
import { serviceFolder, serviceSocket } from '../../../main/cli/service/service-socket';

interface Served {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Served[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  for (const s of running.splice(0)) s.child.kill('SIGKILL');
});

/** Starts `serve` for the library in `env`; resolves once it answers. */
function serve(env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', tsxLoader, cliSource, 'serve'], {
    env: { PATH: process.env.PATH, HOME: env.TMPDIR, ARCHIVE_READER_DEBUG: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const served: Served = { child, stderr: () => err, exited };
  running.push(served);
  return new Promise((ready, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('Answering list and search')) ready(served);
    });
    void exited.then((code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
}

/** A library with the fixture imported, and an environment whose temp folder is its own. */
async function library(): Promise<Record<string, string>> {
  const tmp = tempDir('ar-serve-tmp-');
  const env = { ARCHIVE_READER_LIBRARY: join(tmp, 'library'), TMPDIR: tmp };
  const imported = await runCli(['import', writeArticles()], { env });
  expect(imported.code, imported.stderr).toBe(0);
  return env;
}

const untimed = (stdout: string): unknown => {
  const { tookMs: _, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};
const count = (s: Served, command: string): number =>
  s
    .stderr()
    .split('\n')
    .filter((l) => l.startsWith(`served: ${command}`)).length;
/** How many answers to `command` the service has logged, once it has logged `atLeast`. */
async function served(s: Served, command: string, atLeast = 1): Promise<number> {
  // Its line on stderr follows the answer the client already printed.
  for (let i = 0; i < 100 && count(s, command) < atLeast; i++) await sleep(20);
  return count(s, command);
}

describe('archive-reader serve', () => {
  it('answers list and search as the command line does alone, and stays current', async () => {
    const env = await library();
    const alone = { ...env, ARCHIVE_READER_SERVICE: '0' };
    const service = await serve(env);
    for (const args of [
      ['search', 'copper', '--json'],
      ['search', 'copper', '--limit', '1', '--json'],
      ['search', 'person:nobody', '--json'],
      ['list', '--json'],
      ['list', '--sort', 'title'],
    ]) {
      const got = await runCli(args, { env });
      const want = await runCli(args, { env: alone });
      expect(got.code, got.stderr).toBe(want.code);
      expect(got.stderr).toBe(want.stderr);
      if (args.includes('--json') && args[0] === 'search')
        expect(untimed(got.stdout)).toEqual(untimed(want.stdout));
      else expect(got.stdout).toBe(want.stdout);
    }
    expect(await served(service, 'search', 3)).toBe(3);
    expect(await served(service, 'list', 2)).toBe(2);
    // Bad usage is answered as the command line answers it.
    const bad = await runCli(['search', 'copper', '--limit', 'x'], { env });
    const badAlone = await runCli(['search', 'copper', '--limit', 'x'], { env: alone });
    expect(bad.code).toBe(2);
    expect(bad).toEqual(badAlone);

    // Another process changes the library: the next answer is current.
    const before = json<{ total: number }>(await runCli(['search', 'lantern', '--json'], { env }));
    const more = tempDir('ar-serve-more-');
    writeFileSync(join(more, 'lanterns.txt'), 'Lantern makers\n\nLanterns sold out in the town.\n');
    expect((await runCli(['import', more], { env })).code).toBe(0);
    const after = json<{ total: number }>(await runCli(['search', 'lantern', '--json'], { env }));
    expect(after.total).toBe(before.total + 1);
    const listed = json<{ total: number }>(await runCli(['list', '--json'], { env }));
    expect(listed.total).toBe(4);
    expect(await served(service, 'search', 6)).toBe(6);

    // Stopped, it removes its socket; the command line answers itself.
    const folder = serviceFolder(false, env.TMPDIR);
    expect(folder).not.toBeNull();
    expect(readdirSync(folder!)).toHaveLength(1);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(readdirSync(folder!)).toEqual([]);
    const alone2 = await runCli(['search', 'lantern', '--json'], { env });
    expect(json<{ total: number }>(alone2).total).toBe(after.total);
  }, 120_000);

  it('is refused while another serves the library; a stale socket is taken over', async () => {
    const env = await library();
    const first = await serve(env);
    const second = await runCli(['serve'], { env });
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/already answers for this library/);
    first.child.kill('SIGKILL');
    await first.exited;
    // Killed, it left its socket behind: the command line answers itself, and a new service
    // takes the socket over.
    const socket = serviceSocket(serviceFolder(false, env.TMPDIR)!, env.ARCHIVE_READER_LIBRARY!);
    expect(existsSync(socket)).toBe(true);
    const alone = await runCli(['search', 'copper', '--json'], { env });
    expect(alone.code, alone.stderr).toBe(0);
    expect(json<{ total: number }>(alone).total).toBe(2);
    const again = await serve(env);
    expect((await runCli(['search', 'copper', '--json'], { env })).code).toBe(0);
    expect(await served(again, 'search')).toBe(1);
  }, 120_000);

  it('is held up by no client that says nothing or leaves before its answer', async () => {
    const env = await library();
    const service = await serve(env);
    const socket = serviceSocket(serviceFolder(false, env.TMPDIR)!, env.ARCHIVE_READER_LIBRARY!);
    // One connects and says nothing; one sends its request and leaves at once; one sends junk.
    const silent = connect(socket);
    const leaving = connect(socket, () => {
      leaving.end(
        `${JSON.stringify({ argv: ['search', 'copper'], cwd: '/', env: {}, tty: false, columns: null })}\n`,
      );
      leaving.destroy();
    });
    const junk = connect(socket, () => junk.write('not json\n'));
    try {
      const got = await runCli(['search', 'copper', '--json'], { env });
      expect(got.code, got.stderr).toBe(0);
      expect(json<{ total: number }>(got).total).toBe(2);
      expect(await served(service, 'search copper --json')).toBe(1);
      expect(service.child.exitCode).toBeNull();
    } finally {
      silent.destroy();
      junk.destroy();
    }
  }, 60_000);

  it('declines what is not a list or search of its own library, answering nothing', async () => {
    const env = await library();
    const service = await serve(env);
    const socket = serviceSocket(serviceFolder(false, env.TMPDIR)!, env.ARCHIVE_READER_LIBRARY!);
    const other = join(tempDir('ar-serve-other-'), 'library');
    /** What the service sends back for a request made by hand ('' when nothing). */
    const ask = (argv: string[]) =>
      new Promise<string>((done) => {
        let got = '';
        const conn = connect(socket, () =>
          conn.write(`${JSON.stringify({ argv, cwd: '/', env, tty: false, columns: null })}\n`),
        );
        conn.on('data', (d: Buffer) => (got += d.toString('utf8')));
        conn.on('close', () => done(got));
        conn.on('error', () => undefined);
      });
    expect(await ask(['search', 'copper', '--library', other])).toBe('');
    expect(await ask(['import', '/nonexistent'])).toBe('');
    expect(await ask(['tag', '0123456789abcdef', 'x'])).toBe('');
    expect(existsSync(other)).toBe(false);
    // Its own library it answers.
    const answer = JSON.parse(await ask(['search', 'copper', '--json'])) as { stdout: string };
    expect(JSON.parse(answer.stdout)).toMatchObject({ total: 2 });
    expect(await served(service, 'search')).toBe(1);
  }, 60_000);

  it('does not start for a folder that holds no library, saying so as list does', async () => {
    const tmp = tempDir('ar-serve-tmp-');
    const env = { ARCHIVE_READER_LIBRARY: join(tmp, 'nothing-here'), TMPDIR: tmp };
    const refused = await runCli(['serve'], { env });
    const listed = await runCli(['list'], { env });
    expect(listed.code).toBe(3);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(listed.stderr);
    expect(readdirSync(serviceFolder(false, tmp)!)).toEqual([]);
  }, 60_000);

  it('is neither used nor started where its folder is open to other users', async () => {
    const env = await library();
    const folder = join(env.TMPDIR!, `archive-reader-service-${process.getuid?.() ?? 'user'}`);
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    expect(serviceFolder(false, env.TMPDIR)).toBeNull();
    const refused = await runCli(['serve'], { env });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/closed to other users/);
    // A socket planted there is not asked.
    writeFileSync(serviceSocket(folder, env.ARCHIVE_READER_LIBRARY!), '');
    const alone = await runCli(['search', 'copper', '--json'], { env });
    expect(alone.code, alone.stderr).toBe(0);
    expect(json<{ total: number }>(alone).total).toBe(2);
  }, 60_000);
});
