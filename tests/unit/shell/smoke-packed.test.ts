// The smoke:packed script's decisions (where the packed app is, how it starts), and that it
// says clearly and exits non-zero where Electron cannot run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchCommand, packedExecutable } from '../../scripts/smoke-packed';
import { runProcess } from '../cli/run-cli';
import { repoRoot } from '../../support/shared-data';

describe('smoke:packed', () => {
  it('finds the executable electron-builder --dir writes on each platform', () => {
    expect(packedExecutable('/o', 'linux', 'x64')).toBe(
      join('/o', 'linux-unpacked', 'archive-reader-app'),
    );
    expect(packedExecutable('/o', 'win32', 'x64')).toBe(
      join('/o', 'win-unpacked', 'Archive Reader.exe'),
    );
    expect(packedExecutable('/o', 'darwin', 'arm64')).toBe(
      join('/o', 'mac-arm64', 'Archive Reader.app', 'Contents', 'MacOS', 'Archive Reader'),
    );
  });

  const base = { executable: '/o/app', args: ['/a.txt'], hasXvfbRun: true, uid: 1000 };

  it('starts the app directly where there is a display', () => {
    expect(launchCommand({ ...base, platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({
      command: '/o/app',
      args: ['/a.txt'],
    });
    expect(launchCommand({ ...base, platform: 'darwin', env: {} })).toEqual({
      command: '/o/app',
      args: ['/a.txt'],
    });
  });

  it('uses xvfb-run on Linux without a display, and says when it is missing', () => {
    expect(launchCommand({ ...base, platform: 'linux', env: {} })).toEqual({
      command: 'xvfb-run',
      args: ['-a', '/o/app', '/a.txt'],
    });
    const none = launchCommand({ ...base, platform: 'linux', env: {}, hasXvfbRun: false });
    expect(none).toEqual({ error: expect.stringMatching(/no display.*xvfb/i) });
  });

  it('turns the Chromium sandbox off only for root, and says so', () => {
    const r = launchCommand({ ...base, platform: 'linux', env: { DISPLAY: ':1' }, uid: 0 });
    expect(r).toMatchObject({ command: '/o/app', args: ['--no-sandbox', '/a.txt'] });
    expect('note' in r && r.note).toMatch(/root/);
  });

  it.skipIf(existsSync(join(repoRoot, 'node_modules', 'electron', 'dist')))(
    'says clearly that it cannot run without Electron, and exits non-zero',
    async () => {
      const run = await runProcess(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'tests', 'scripts', 'smoke-packed.ts')],
        { PATH: process.env.PATH, HOME: process.env.HOME },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /smoke:packed: CANNOT RUN HERE — Electron's binary is not installed/,
      );
      expect(run.stderr).toMatch(/this is not a pass/);
      expect(run.stdout).not.toMatch(/PASSED/);
    },
  );
});
