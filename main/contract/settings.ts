// The one definition of the app's preferences: their schema, defaults and limits. The shell
// stores them, the API validates patches with them, and the renderer shows and clamps with
// them, so no layer keeps numbers of its own.
import { z } from './zod';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

/** How much each list row shows: title, date, excerpt and tags, or title and date only. */
export const LIST_DENSITIES = ['comfortable', 'compact'] as const;
export type ListDensity = (typeof LIST_DENSITIES)[number];

/** Page background per concrete theme; the renderer's CSS uses the same colours (tested). */
export const THEME_BACKGROUND: Readonly<Record<Exclude<Theme, 'system'>, string>> = {
  light: '#fdfcfa',
  dark: '#18191b',
  sepia: '#f5eddb',
};

/** Bounds of the numeric settings, in CSS pixels and characters. */
export const SETTING_LIMITS = {
  fontSize: { min: 12, max: 32 },
  lineWidth: { min: 40, max: 100 },
} as const;

// Messages name no field: describeIssues puts the field's name in front of them.
const bounded = ({ min, max }: { min: number; max: number }) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Every setting with its type and bounds. */
export const settingsSchema = z.strictObject({
  theme: z.enum(THEMES, { error: `must be one of ${THEMES.join(', ')}` }),
  /** Reader font size in CSS pixels. */
  fontSize: bounded(SETTING_LIMITS.fontSize),
  /** Reader measure in characters. */
  lineWidth: bounded(SETTING_LIMITS.lineWidth),
  sidebarVisible: z.boolean({ error: 'must be true or false' }),
  listDensity: z.enum(LIST_DENSITIES, { error: `must be one of ${LIST_DENSITIES.join(', ')}` }),
  /** The list shows one version of each story (its main version). */
  hideVersions: z.boolean({ error: 'must be true or false' }),
});

/** App preferences kept beside the library (not inside it). */
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update, as setSettings takes it. */
export const settingsPatchSchema = settingsSchema.partial();

/** Settings used when nothing (or nothing valid) is stored. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  fontSize: 18,
  lineWidth: 66,
  sidebarVisible: true,
  listDensity: 'comfortable',
  hideVersions: false,
});

/** A numeric setting pulled inside its bounds (for steppers and keyboard shortcuts). */
export function clampSetting(key: keyof typeof SETTING_LIMITS, value: number): number {
  const { min, max } = SETTING_LIMITS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}
