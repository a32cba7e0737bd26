// npm run smoke:packed — the release gate for the window itself. Packs the app with
// electron-builder --dir and the release fuses, starts the packed executable on a temporary
// profile with one article on its command line, and waits for the app's own report that its
// list shows that article (ARCHIVE_READER_SMOKE_REPORT; release fuses keep Playwright out).
// Exit 0: passed. Exit 1: the packed app failed. Exit 2: it cannot run here (no Electron
// binary, no display); that is not a pass.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { errorMessage } from '../../main/contract/error-message';
import { smokeReportSchema, SMOKE_REPORT_ENV } from '../../main/shell/smoke-probe';

const repoRoot = resolve(__dirname, '..', '..');
const PRODUCT = 'Archive Reader';
const EXECUTABLE = 'archive-reader-app';
const TIMEOUT_MS = 120_000;

/** The packed executable electron-builder --dir writes under `outDir`. */
export function packedExecutable(outDir: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return join(outDir, 'win-unpacked', `${PRODUCT}.exe`);
  if (platform === 'darwin') {
    const folder = arch === 'arm64' ? 'mac-arm64' : 'mac';
    return join(outDir, folder, `${PRODUCT}.app`, 'Contents', 'MacOS', PRODUCT);
  }
  return join(outDir, arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked', EXECUTABLE);
}

export interface LaunchInput {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Process uid (Linux); Chromium refuses to start its sandbox as root. */
  uid: number | undefined;
  executable: string;
  args: string[];
  hasXvfbRun: boolean;
}

/** The command that starts the packed app, or why it cannot start here. */
export function launchCommand(
  input: LaunchInput,
): { command: string; args: string[]; note?: string } | { error: string } {
  const args = [...input.args];
  let note: string | undefined;
  if (input.platform === 'linux' && input.uid === 0) {
    args.unshift('--no-sandbox');
    note = 'running as root: Chromium sandbox off for this run (--no-sandbox)';
  }
  const headless = input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY;
  if (!headless) return { command: input.executable, args, ...(note ? { note } : {}) };
  if (!input.hasXvfbRun) {
    return {
      error:
        'There is no display (DISPLAY and WAYLAND_DISPLAY are unset) and xvfb-run is not installed; install xvfb (apt-get install xvfb) or run this on a desktop.',
    };
  }
  return {
    command: 'xvfb-run',
    args: ['-a', input.executable, ...args],
    ...(note ? { note } : {}),
  };
}

const say = (line: string) => process.stdout.write(`smoke:packed: ${line}\n`);

function cannotRun(reason: string): never {
  process.stderr.write(
    `smoke:packed: CANNOT RUN HERE — ${reason}\n` +
      'smoke:packed: this is not a pass; a release is not cut until it passes on a machine with Electron.\n',
  );
  process.exit(2);
}

function fail(reason: string, keep: string): never {
  process.stderr.write(
    `smoke:packed: FAILED — ${reason}\nsmoke:packed: kept for a look: ${keep}\n`,
  );
  const log = join(keep, 'user-data', 'logs', 'main.log');
  if (existsSync(log)) {
    const tail = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    process.stderr.write(`smoke:packed: last lines of ${log}:\n${tail}\n`);
  }
  process.exit(1);
}

/** electron-builder --dir with the project's config (release fuses) and the local Electron. */
async function pack(outDir: string, electronDist: string): Promise<void> {
  const require = createRequire(join(repoRoot, 'package.json'));
  const { build, Platform, Arch } =
    require('electron-builder') as typeof import('electron-builder');
  const config = require(join(repoRoot, 'electron-builder.config.cjs')) as Configuration;
  await build({
    projectDir: repoRoot,
    targets: Platform.current().createTarget(
      'dir',
      process.arch === 'arm64' ? Arch.arm64 : Arch.x64,
    ),
    publish: 'never',
    config: { ...config, electronDist, directories: { output: outDir, buildResources: 'build' } },
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  return spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' }).status === 0;
}

async function main(): Promise<void> {
  // Electron's binary: present, or fetched now (what npm start does); offline this fails.
  const electronDist = join(repoRoot, 'node_modules', 'electron', 'dist');
  if (
    !existsSync(electronDist) &&
    !run(process.execPath, ['build/fetch-electron.cjs'], process.env)
  ) {
    cannotRun(
      `Electron's binary is not installed (${electronDist} is missing) and could not be downloaded.`,
    );
  }
  if (!existsSync(electronDist)) cannotRun(`Electron's binary is not at ${electronDist}.`);

  const work = mkdtempSync(join(tmpdir(), 'ar-smoke-packed-'));
  // The release fuses, never the test build's; no signing identity is looked for.
  delete process.env.ARCHIVE_READER_TEST_BUILD;
  process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';

  say('building (electron-vite build)…');
  if (!run('npx', ['electron-vite', 'build'], process.env)) fail('the build failed.', work);
  say('packing with the release fuses (electron-builder --dir)…');
  const outDir = join(work, 'dist');
  try {
    await pack(outDir, electronDist);
  } catch (e) {
    fail(`electron-builder --dir failed: ${errorMessage(e)}`, work);
  }
  const executable = packedExecutable(outDir, process.platform, process.arch);
  if (!existsSync(executable)) fail(`no packed executable at ${executable}.`, work);

  const report = join(work, 'report.json');
  const article = join(repoRoot, 'resources', 'samples', 'harbour-ferry-returns.txt');
  const launch = launchCommand({
    platform: process.platform,
    env: process.env,
    uid: process.getuid?.(),
    executable,
    args: [article],
    hasXvfbRun: spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined,
  });
  if ('error' in launch) cannotRun(launch.error);
  if (launch.note) say(launch.note);

  say(`starting ${executable} with a temporary profile…`);
  const started = Date.now();
  const child = spawn(launch.command, launch.args, {
    env: {
      ...process.env,
      ARCHIVE_READER_USER_DATA: join(work, 'user-data'),
      ARCHIVE_READER_LIBRARY: join(work, 'library'),
      [SMOKE_REPORT_ENV]: report,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exit = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(null);
    }, TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
    child.on('error', () => {
      clearTimeout(timer);
      done(-1);
    });
  });
  if (exit === null) fail(`the app did not finish within ${TIMEOUT_MS / 1000} s.`, work);
  if (!existsSync(report))
    fail(`the app exited (${exit}) without a report: it never showed its list.`, work);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(report, 'utf8'));
  } catch (e) {
    fail(`the report could not be read: ${errorMessage(e)}`, work);
  }
  const parsed = smokeReportSchema.safeParse(json);
  if (!parsed.success) fail('the report is not what the app writes.', work);
  const r = parsed.data;
  if (!r.ok) fail(r.error ?? 'the list did not show the article.', work);
  if (exit !== 0) fail(`the list showed, but the app exited with ${exit} when it quit.`, work);
  say(
    `PASSED — the packed app listed ${r.page?.rows ?? 0} article(s) at ${r.page?.url ?? '?'} ` +
      `${r.ms} ms after its page loaded, and quit cleanly (${Date.now() - started} ms in all).`,
  );
  rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  void main();
}
