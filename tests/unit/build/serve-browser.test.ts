// `npm run serve:browser -- DIR`: serves the UI on a library kept in DIR, prints the address,
// and leaves the library in place when stopped (serve:e2e's temporary one is thrown away).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';

const script = join(repoRoot, 'tests', 'scripts', 'serve-browser.ts');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const built = existsSync(join(repoRoot, 'out', 'renderer', 'index.html'));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('serve:browser', () => {
  it('refuses a missing folder or a bad port with its usage line and exit code 2', () => {
    for (const args of [[], ['lib', '--port', 'http']]) {
      const run = spawnSync(tsx, [script, ...args], { encoding: 'utf8', cwd: repoRoot });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: npm run serve:browser -- DIR [--port N]');
    }
  });

  it.skipIf(!built)(
    'serves a library kept in DIR on the given port, and keeps it when stopped',
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'serve-browser-'));
      dirs.push(base);
      const dir = join(base, 'my library');
      const port = await freePort();
      const child = spawn(tsx, [script, dir, '--port', String(port)], { cwd: repoRoot });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await expect
        .poll(() => out, { timeout: 20_000, interval: 100 })
        .toContain(`http://127.0.0.1:${port}`);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      const exited = new Promise((done) => child.on('exit', done));
      child.kill('SIGTERM');
      await exited;
      expect(existsSync(join(dir, 'library', 'manifest.json'))).toBe(true);
    },
    30_000,
  );
});
