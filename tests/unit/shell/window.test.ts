import { describe, expect, it } from 'vitest';
import { backgroundFor, windowOptions } from '../../../main/shell/window-options';
import { clampBounds, loadWindowState, saveWindowState } from '../../../main/shell/window-state';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = {
  preload: '/app/out/preload/index.cjs',
  bounds: { x: 10, y: 20, width: 1000, height: 700 },
  theme: 'system' as const,
  osDark: false,
};

describe('window options', () => {
  it('isolates and sandboxes the page', () => {
    const o = windowOptions(base);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(o.webPreferences?.preload).toMatch(/\.cjs$/);
  });

  it('opens at the given bounds, hidden until ready', () => {
    const o = windowOptions(base);
    expect(o).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    const centred = windowOptions({ ...base, bounds: { width: 900, height: 600 } });
    expect(centred.x).toBeUndefined();
  });

  it('cannot be made narrower than the narrowest layout the renderer is tested at', () => {
    // tests/e2e/responsive.test.ts checks the one-pane layout at 640 px.
    expect(windowOptions(base).minWidth).toBe(640);
  });

  it('takes its background from the theme', () => {
    expect(windowOptions({ ...base, theme: 'dark' }).backgroundColor).toBe(
      backgroundFor('dark', false),
    );
    expect(backgroundFor('system', true)).toBe(backgroundFor('dark', false));
    expect(backgroundFor('system', false)).toBe(backgroundFor('light', true));
    expect(backgroundFor('sepia', true)).not.toBe(backgroundFor('light', true));
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const second = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('keeps a position that is visible', () => {
    expect(clampBounds({ x: 100, y: 50, width: 1000, height: 700 }, [primary])).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(
      clampBounds({ x: 2000, y: 100, width: 800, height: 600 }, [primary, second]),
    ).toMatchObject({
      x: 2000,
      y: 100,
    });
  });

  it('centres on the primary display when the saved display is gone', () => {
    const b = clampBounds({ x: 2500, y: 100, width: 800, height: 600 }, [primary]);
    expect(b).toMatchObject({ x: 560, y: 220, width: 800, height: 600 });
  });

  it('shrinks a window larger than the work area and keeps the title bar on screen', () => {
    const b = clampBounds({ x: 10, y: -300, width: 4000, height: 3000 }, [primary]);
    expect(b.width).toBe(1920);
    expect(b.height).toBe(1040);
    expect(b.y).toBeGreaterThanOrEqual(0);
  });

  it('uses defaults for missing or malformed state', () => {
    for (const bad of [null, 'x', { width: 'big' }, { width: NaN, height: 3 }, {}]) {
      const b = clampBounds(bad, [primary]);
      expect(b).toMatchObject({ width: 1200, height: 800, x: 360, y: 120 });
    }
  });

  it('enforces a minimum size and remembers maximized', () => {
    const b = clampBounds({ width: 10, height: 10, maximized: true }, [primary]);
    expect(b.width).toBeGreaterThanOrEqual(640);
    expect(b.maximized).toBe(true);
  });

  it('saves and loads through a file, tolerating garbage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    await saveWindowState(file, { x: 1, y: 2, width: 700, height: 500 });
    expect(loadWindowState(file)).toEqual({ x: 1, y: 2, width: 700, height: 500 });
    writeFileSync(file, '{oops');
    expect(loadWindowState(file)).toBeNull();
  });
});
