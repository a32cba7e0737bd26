import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from '../../../main/core/paths';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../main/core/settings-store';
import { tempDir } from './tmp-dir';

describe('library paths', () => {
  it('matches Electron userData per platform', () => {
    expect(defaultLibraryDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe(
      '/x/cfg/Archive Reader/library',
    );
    expect(defaultLibraryDir('linux', {}, '/home/u')).toBe(
      '/home/u/.config/Archive Reader/library',
    );
    expect(defaultLibraryDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Archive Reader/library',
    );
    expect(
      defaultLibraryDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toContain('Archive Reader');
  });

  it('lets the flag beat the environment beat the default', () => {
    expect(resolveLibraryDir('some/lib', { ARCHIVE_READER_LIBRARY: '/env/lib' })).toBe(
      resolve('some/lib'),
    );
    expect(resolveLibraryDir(undefined, { ARCHIVE_READER_LIBRARY: '/env/lib' })).toBe('/env/lib');
    expect(resolveLibraryDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toMatch(
      /Archive Reader.library$/,
    );
  });
});

describe('settings store', () => {
  it('loads defaults, saves valid changes atomically and rejects bad ones', async () => {
    const dir = tempDir();
    const store = new SettingsStore(join(dir, 'sub', 'settings.json'));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      theme: 'system',
      fontSize: 18,
      lineWidth: 65,
      sidebarVisible: true,
    });
    const saved = await store.update({ theme: 'dark', fontSize: 20 });
    expect(saved).toMatchObject({ theme: 'dark', fontSize: 20, lineWidth: 65 });
    expect(JSON.parse(readFileSync(store.path, 'utf8')).theme).toBe('dark');
    await expect(store.update({ fontSize: 2 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(store.update({ theme: 'neon' as never })).rejects.toThrow(/theme/);
    expect((await store.load()).fontSize).toBe(20);
  });

  it('falls back per field when the file is damaged', async () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ theme: 'light', fontSize: 'huge' }));
    expect(await new SettingsStore(path).load()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    writeFileSync(path, '{not json');
    expect(await new SettingsStore(path).load()).toEqual(DEFAULT_SETTINGS);
  });
});
