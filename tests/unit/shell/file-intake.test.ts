// File intake with a stand-in importPaths: files from argv, a second launch and open-file are
// granted at once, wait for the window, then import in order; failures reach the user.
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../main/contract/api-contract';
import { PathGrants } from '../../../main/api/path-grants';
import { FileIntake } from '../../../main/shell/file-intake';

function setup(
  answer: ApiResponse<unknown> = {
    ok: true,
    value: { imported: [{}], duplicates: [], failed: [{}, {}], cancelled: false },
  },
) {
  const grants = new PathGrants([], { realpath: (p) => p });
  const calls: { importId: string; paths: string[] }[] = [];
  const logged: { event: string; fields: unknown }[] = [];
  const warnings: string[] = [];
  const intake = new FileIntake({
    grants,
    importPaths: async (args) => {
      calls.push(args);
      return answer;
    },
    log: {
      info: (event, fields) => logged.push({ event, fields }),
      warn: (event, fields) => logged.push({ event, fields }),
    },
    warn: (message, detail) => warnings.push(`${message}: ${detail}`),
  });
  return { intake, grants, calls, logged, warnings };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('file intake', () => {
  it('grants files from argv at once and imports them once the window is ready', async () => {
    const s = setup();
    s.intake.receiveArgv(
      ['/app/archive-reader-app', '--no-sandbox', 'a.txt', '/x/b.txt'],
      '/home/u',
      false,
    );
    expect(s.grants.isAllowed('/home/u/a.txt')).toBe(true);
    expect(s.grants.isAllowed('/x/b.txt')).toBe(true);
    expect(s.calls).toEqual([]);
    s.intake.windowReady();
    await flush();
    expect(s.calls).toEqual([{ importId: 'main-1', paths: ['/home/u/a.txt', '/x/b.txt'] }]);
    // Later arrivals (a second launch, open-file) import at once.
    s.intake.receive(['/y/c.txt']);
    await flush();
    expect(s.calls.at(-1)).toEqual({ importId: 'main-2', paths: ['/y/c.txt'] });
  });

  it('skips the program and electron app path in development argv', () => {
    const s = setup();
    s.intake.receiveArgv(['/usr/bin/electron', '/repo/out/main/index.js', 'n.txt'], '/w', true);
    s.intake.windowReady();
    expect(s.grants.size).toBe(1);
    expect(s.grants.isAllowed('/w/n.txt')).toBe(true);
  });

  it('logs counts only, and shows a failed import to the user', async () => {
    const ok = setup();
    await ok.intake.importGranted(['/p/a.txt']);
    expect(ok.logged).toEqual([
      {
        event: 'import',
        fields: expect.objectContaining({
          imported: 1,
          duplicates: 0,
          failed: 2,
          cancelled: false,
        }),
      },
    ]);
    expect(JSON.stringify(ok.logged)).not.toContain('/p/a.txt');

    const failed = setup({ ok: false, error: { code: 'NOT_FOUND', message: 'gone: /p/a.txt' } });
    await failed.intake.importGranted(['/p/a.txt']);
    expect(failed.logged).toEqual([{ event: 'import-failed', fields: { code: 'NOT_FOUND' } }]);
    expect(failed.warnings).toEqual(['Import failed: gone: /p/a.txt']);
  });

  it('does nothing for an empty pick', async () => {
    const s = setup();
    await s.intake.importGranted([]);
    expect(s.calls).toEqual([]);
  });
});
