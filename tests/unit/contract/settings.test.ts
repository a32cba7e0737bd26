// The one settings definition: its defaults obey its own limits, clamping stays inside them,
// and the window background per theme is the colour the page paints (no flash on open).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTING_LIMITS,
  THEME_BACKGROUND,
  THEMES,
  clampSetting,
  settingsPatchSchema,
  settingsSchema,
} from '../../../main/contract/settings';
import { backgroundFor } from '../../../main/shell/window-options';
import { repoRoot } from '../../support/shared-data';

const css = readFileSync(resolve(repoRoot, 'renderer', 'src', 'app', 'base.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The `--bg` of every rule whose selector matches, in file order. */
function backgroundsWhere(selector: (text: string) => boolean, source = css): string[] {
  const found: string[] = [];
  for (const rule of source.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const bg = /--bg:\s*([^;]+);/.exec(rule[2]!)?.[1]?.trim();
    if (bg !== undefined && selector(rule[1]!)) found.push(bg.toLowerCase());
  }
  return found;
}

describe('settings contract', () => {
  it('has defaults that its own schema accepts', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    for (const key of Object.keys(SETTING_LIMITS) as (keyof typeof SETTING_LIMITS)[]) {
      const { min, max } = SETTING_LIMITS[key];
      expect(DEFAULT_SETTINGS[key]).toBeGreaterThanOrEqual(min);
      expect(DEFAULT_SETTINGS[key]).toBeLessThanOrEqual(max);
    }
  });

  it('clamps numbers into the limits the schema enforces', () => {
    for (const key of Object.keys(SETTING_LIMITS) as (keyof typeof SETTING_LIMITS)[]) {
      const { min, max } = SETTING_LIMITS[key];
      for (const value of [min - 100, min - 1, min, (min + max) / 2 + 0.4, max, max + 1, 1e9]) {
        const clamped = clampSetting(key, value);
        expect(settingsPatchSchema.safeParse({ [key]: clamped }).success).toBe(true);
      }
      expect(clampSetting(key, min - 1)).toBe(min);
      expect(clampSetting(key, max + 1)).toBe(max);
      expect(settingsPatchSchema.safeParse({ [key]: max + 1 }).success).toBe(false);
      expect(settingsPatchSchema.safeParse({ [key]: min - 1 }).success).toBe(false);
    }
  });

  it('refuses unknown settings in a patch', () => {
    expect(settingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({}).success).toBe(true);
  });
});

describe('theme backgrounds', () => {
  const concrete = THEMES.filter((t) => t !== 'system');

  it('names a background for every concrete theme', () => {
    expect(Object.keys(THEME_BACKGROUND).sort()).toEqual([...concrete].sort());
  });

  it.each(concrete)("equals the page's --bg in base.css for the %s theme", (theme) => {
    const inCss = backgroundsWhere((s) => s.includes(`[data-theme='${theme}']`));
    expect(inCss.length).toBeGreaterThan(0);
    for (const bg of inCss) expect(bg).toBe(THEME_BACKGROUND[theme].toLowerCase());
  });

  it.each(concrete)('opens the window for the %s theme on that same colour', (theme) => {
    expect(backgroundFor(theme, false)).toBe(THEME_BACKGROUND[theme]);
    expect(backgroundFor(theme, true)).toBe(THEME_BACKGROUND[theme]);
  });

  it("paints the system theme's dark mode with the dark background", () => {
    const start = css.indexOf('@media (prefers-color-scheme: dark)');
    expect(start).toBeGreaterThanOrEqual(0);
    const dark = backgroundsWhere((s) => s.includes("[data-theme='system']"), css.slice(start));
    expect(dark[0]).toBe(THEME_BACKGROUND.dark.toLowerCase());
  });

  it('paints a page with no theme set (before settings load) with the light background', () => {
    const bare = backgroundsWhere((s) => s.split(',').some((part) => part.trim() === ':root'));
    expect(bare[0]).toBe(THEME_BACKGROUND.light.toLowerCase());
  });
});
