import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../main/contract/api-contract';
import { openFailureDialog } from '../../../main/shell/error-dialogs';
import { formatLine, Logger, planRotation } from '../../../main/shell/logger';
import { menuTemplate, type MenuActions } from '../../../main/shell/menu-template';

function actions() {
  const log: string[] = [];
  const a: MenuActions = {
    importFiles: () => log.push('importFiles'),
    importFolder: () => log.push('importFolder'),
    openLibraryFolder: () => log.push('openLibraryFolder'),
    chooseLibrary: () => log.push('chooseLibrary'),
    watchFolder: () => log.push('watchFolder'),
    backUp: () => log.push('backUp'),
    restoreBackup: () => log.push('restoreBackup'),
    command: (c: MenuCommand) => log.push(`command:${c}`),
    about: () => log.push('about'),
    quit: () => log.push('quit'),
  };
  return { a, log };
}

function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}
const byLabel = (t: MenuItemConstructorOptions[], label: string) =>
  items(t).find((i) => i.label === label);
const click = (i: MenuItemConstructorOptions | undefined) =>
  (i?.click as unknown as () => void | undefined)?.();

describe('menu template', () => {
  it('has File, Edit, View, Library, Window, Help on Windows/Linux', () => {
    const t = menuTemplate({
      isMac: false,
      isDev: false,
      appName: 'Archive Reader',
      actions: actions().a,
    });
    expect(t.map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Library',
      '&Window',
      '&Help',
    ]);
  });

  it('adds the app menu with standard roles on macOS and moves Quit/About there', () => {
    const t = menuTemplate({
      isMac: true,
      isDev: false,
      appName: 'Archive Reader',
      actions: actions().a,
    });
    expect(t[0]?.label).toBe('Archive Reader');
    const roles = items(t)
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit', 'front']),
    );
    expect(byLabel(t, 'Quit')).toBeUndefined();
  });

  it('wires accelerators and actions', () => {
    const { a, log } = actions();
    const t = menuTemplate({ isMac: false, isDev: false, appName: 'Archive Reader', actions: a });
    expect(byLabel(t, 'Import Files…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel(t, 'Import Folder…')?.accelerator).toBe('Shift+CmdOrCtrl+O');
    expect(byLabel(t, 'Find')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byLabel(t, 'Highlight Selection')?.accelerator).toBe('CmdOrCtrl+Shift+H');
    for (const label of [
      'Import Files…',
      'Import Folder…',
      'Export…',
      'Export Highlights…',
      'Highlight Selection',
      'Open Library Folder',
      'Choose Library…',
      'Watch Folder…',
      'Back Up…',
      'Restore…',
      'Check Library…',
      'Find',
      'Toggle Sidebar',
      'Sepia',
      'Larger Reader Font',
      'Smaller Reader Font',
      'Reset Reader Font',
      'Keyboard Shortcuts',
      'About Archive Reader',
      'Quit',
    ]) {
      click(byLabel(t, label));
    }
    expect(log).toEqual([
      'importFiles',
      'importFolder',
      'command:export',
      'command:export-highlights',
      'command:highlight-selection',
      'openLibraryFolder',
      'chooseLibrary',
      'watchFolder',
      'backUp',
      'restoreBackup',
      'command:check-library',
      'command:focus-search',
      'command:toggle-sidebar',
      'command:theme-sepia',
      'command:font-larger',
      'command:font-smaller',
      'command:font-reset',
      'command:show-shortcuts',
      'about',
      'quit',
    ]);
  });

  it('puts Find and the reader controls in View', () => {
    const t = menuTemplate({ isMac: false, isDev: false, appName: 'A', actions: actions().a });
    const view = t.find((m) => m.label === '&View')!;
    const labels = items(view.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Find',
        'Toggle Sidebar',
        'Theme',
        'Light',
        'Dark',
        'Sepia',
        'Reset Reader Font',
      ]),
    );
  });

  it('has zoom roles, and devtools only in development', () => {
    const prod = items(
      menuTemplate({ isMac: false, isDev: false, appName: 'A', actions: actions().a }),
    );
    const dev = items(
      menuTemplate({ isMac: false, isDev: true, appName: 'A', actions: actions().a }),
    );
    expect(prod.map((i) => i.role)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']),
    );
    expect(prod.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('accelerators are unique', () => {
    const acc = items(
      menuTemplate({ isMac: false, isDev: true, appName: 'A', actions: actions().a }),
    )
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(acc).size).toBe(acc.length);
  });
});

describe('open failure dialogs', () => {
  it('offers Retry, Choose Another Library and Quit', () => {
    for (const code of ['LOCKED', 'LIBRARY_VERSION', 'LIBRARY_CORRUPT', 'IO', undefined] as const) {
      const d = openFailureDialog(code, 'why', '/lib');
      expect(d.choices).toEqual(['retry', 'choose', 'quit']);
      expect(d.buttons).toHaveLength(3);
      expect(d.detail).toContain('/lib');
      expect(d.choices[d.cancelId]).toBe('quit');
    }
  });

  it('explains a lock and a newer format differently', () => {
    expect(openFailureDialog('LOCKED', 'm', '/l').message).toMatch(/another/i);
    const v = openFailureDialog('LIBRARY_VERSION', 'm', '/l');
    expect(v.message).toMatch(/newer version/);
    expect(v.choices[v.defaultId]).toBe('choose');
  });
});

describe('logger', () => {
  it('plans no rotation while the file fits', () => {
    expect(planRotation('/d', 'main', 0, 5000, 100, 3)).toBeNull();
    expect(planRotation('/d', 'main', 50, 50, 100, 3)).toBeNull();
  });

  it('plans a shift of generations, oldest first, when it would overflow', () => {
    expect(planRotation('/d', 'main', 90, 20, 100, 2)).toEqual({
      remove: join('/d', 'main.2.log'),
      renames: [
        [join('/d', 'main.1.log'), join('/d', 'main.2.log')],
        [join('/d', 'main.log'), join('/d', 'main.1.log')],
      ],
    });
  });

  it('formats fields and caps long strings', () => {
    const line = formatLine(new Date(0), 'info', 'call', {
      method: 'search',
      ms: 3,
      ok: true,
      long: 'x'.repeat(500),
    });
    expect(line).toMatch(
      /^1970-01-01T00:00:00.000Z INFO {2}call method="search" ms=3 ok=true long="x+…"\n$/,
    );
    expect(line.length).toBeLessThan(250);
  });

  it('rotates on disk and keeps only the configured generations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const log = new Logger({ dir, maxBytes: 300, keep: 2 });
    for (let i = 0; i < 40; i++) log.info('call', { method: 'listArticles', n: i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(300);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('n=39');
  });

  it('logs errors with name and code but keeps going on an unwritable folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const log = new Logger({ dir });
    const err = Object.assign(new Error('boom'), { code: 'LOCKED' });
    log.error('open-failed', err);
    expect(readFileSync(log.file, 'utf8')).toMatch(/ERROR open-failed name="Error" code="LOCKED"/);
    // A folder whose parent is a file cannot be created.
    const broken = new Logger({ dir: join(log.file, 'sub') });
    expect(() => broken.info('x')).not.toThrow();
  });
});
