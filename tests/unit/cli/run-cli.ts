// Spawns the command line from source, the way a user runs it, on throw-away folders.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { repoRoot } from '../../support/shared-data';

export const cliSource = resolve(repoRoot, 'main', 'cli', 'index.ts');
/** The tsx loader as an absolute URL, so the CLI runs from any working directory. */
export const tsxLoader = pathToFileURL(
  createRequire(resolve(repoRoot, 'package.json')).resolve('tsx'),
).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder. */
export const tempDir = (prefix = 'ar-cli-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A HOME with nothing in it, so the default library never lands in a real profile. */
const isolatedHome = tempDir('ar-cli-home-');

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Runs `archive-reader ...args` and collects its exit status and output. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: isolatedHome,
    XDG_CONFIG_HOME: join(isolatedHome, '.config'),
    ...options.env,
  };
  return runProcess(
    process.execPath,
    ['--import', tsxLoader, cliSource, ...args],
    env,
    options.cwd,
  );
}

/** Runs any command to completion. */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string = repoRoot,
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: clean(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function clean(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** Parses stdout as JSON, with the output in the failure message when it is not. */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
}

/** The CLI on a library of its own (a new temp folder, named by `prefix`). */
export function cliOnNewLibrary(prefix: string): {
  library: string;
  env: Record<string, string>;
  cli: (...args: string[]) => Promise<CliRun>;
} {
  const library = tempDir(prefix);
  const env = { ARCHIVE_READER_LIBRARY: library };
  return { library, env, cli: (...args) => runCli(args, { env }) };
}

/** A run that succeeded quietly: exit 0, nothing on stderr. */
export function ok(run: CliRun): CliRun {
  expect(run.stderr, 'stderr of a successful run').toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** A command still running (`watch run`): its output so far, and how it ended. */
export interface RunningCli {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the run once the process has exited. */
  exited: Promise<CliRun>;
  /** Waits until stdout holds `pattern`, failing (with the output) after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
}

/** Starts `archive-reader ...args` and returns at once, for commands that run until stopped. */
export function startCli(args: string[], options: RunOptions = {}): RunningCli {
  const env = clean({
    PATH: process.env.PATH,
    HOME: isolatedHome,
    XDG_CONFIG_HOME: join(isolatedHome, '.config'),
    ...options.env,
  });
  const child = spawn(process.execPath, ['--import', tsxLoader, cliSource, ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<CliRun>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async waitFor(pattern, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(stdout)) {
        if (ended || Date.now() > deadline) {
          throw new Error(
            `${ended ? 'exited' : 'timed out'} before stdout matched ${pattern}:\n${stdout}\nstderr:\n${stderr}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
