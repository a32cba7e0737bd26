// `npm start` offline: the first step must explain itself in one paragraph, naming the
// installer's error in one line, without the installer's stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';

const script = join(repoRoot, 'build', 'fetch-electron.cjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A stand-in electron package whose installer fails as the real one does offline. */
function failingElectron(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'install.js'),
    [
      "const e = new TypeError('fetch failed');",
      "e.cause = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' });",
      'console.error(e);',
      'process.exit(1);',
    ].join('\n'),
  );
  return dir;
}

describe('build/fetch-electron.cjs', () => {
  it('prints the helpful paragraph and one line for the cause, not a stack trace', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ARCHIVE_READER_ELECTRON_DIR: failingElectron(),
    };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Electron's binary is not installed");
    expect(run.stderr).toMatch(/Underlying error: TypeError: fetch failed.*ENOTFOUND/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toMatch(/^\s+at /m);
  });
});
