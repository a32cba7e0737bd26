import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_LIMITS, settingsSchema } from '../../../main/contract/settings';
import { SettingsStore, settingsFromStored } from '../../../main/core/settings-store';
import { tempDir } from './tmp-dir';

describe('settings store', () => {
  it('loads the contract defaults, saves valid changes atomically and rejects bad ones', async () => {
    const dir = tempDir();
    const store = new SettingsStore(join(dir, 'sub', 'settings.json'));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    const saved = await store.update({ theme: 'dark', fontSize: 20 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 20 });
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual(saved);
    const tooSmall = SETTING_LIMITS.fontSize.min - 1;
    await expect(store.update({ fontSize: tooSmall })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(store.update({ theme: 'neon' as never })).rejects.toThrow(/theme/);
    await expect(store.update({ colour: 'red' } as never)).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    expect(await store.load()).toEqual(saved);
  });

  it('falls back per field when the file is damaged', async () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ theme: 'light', fontSize: 'huge' }));
    expect(await new SettingsStore(path).load()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    writeFileSync(path, '{not json');
    expect(await new SettingsStore(path).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces a stored value outside the contract limits by its default, keeping the rest', () => {
    const stored = {
      theme: 'sepia',
      fontSize: SETTING_LIMITS.fontSize.max + 8,
      lineWidth: SETTING_LIMITS.lineWidth.min,
      sidebarVisible: false,
      retired: 'a setting from an older version',
    };
    const loaded = settingsFromStored(stored);
    expect(loaded).toEqual({
      theme: 'sepia',
      fontSize: DEFAULT_SETTINGS.fontSize,
      lineWidth: SETTING_LIMITS.lineWidth.min,
      sidebarVisible: false,
      listDensity: DEFAULT_SETTINGS.listDensity,
      hideVersions: DEFAULT_SETTINGS.hideVersions,
    });
    expect(settingsSchema.safeParse(loaded).success).toBe(true);
  });

  it('gives the defaults for JSON that is not an object', () => {
    for (const raw of [null, 7, 'settings', [1, 2], true]) {
      expect(settingsFromStored(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });
});
