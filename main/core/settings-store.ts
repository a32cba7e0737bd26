// The shell's small settings file: load with defaults, validate, save atomically. What the
// settings are (schema, defaults, limits) is the contract's; this file only stores them.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
} from '../contract/settings';
import { ArchiveError } from './errors';
import { writeFileAtomic } from './store/atomic-write';

/** Validates a partial update; throws BAD_ARGUMENT naming the first bad field. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
  const result = settingsPatchSchema.safeParse(patch);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'settings';
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `Invalid setting ${field}: ${issue?.message ?? 'bad value'}`,
    );
  }
  return result.data;
}

// Each field is parsed on its own and falls back to its default, so one bad or outdated value
// (a font size from before the limits changed) does not reset every other preference.
const storedSettingsSchema = z.object({
  theme: settingsSchema.shape.theme.catch(DEFAULT_SETTINGS.theme),
  fontSize: settingsSchema.shape.fontSize.catch(DEFAULT_SETTINGS.fontSize),
  lineWidth: settingsSchema.shape.lineWidth.catch(DEFAULT_SETTINGS.lineWidth),
  sidebarVisible: settingsSchema.shape.sidebarVisible.catch(DEFAULT_SETTINGS.sidebarVisible),
  listDensity: settingsSchema.shape.listDensity.catch(DEFAULT_SETTINGS.listDensity),
  hideVersions: settingsSchema.shape.hideVersions.catch(DEFAULT_SETTINGS.hideVersions),
}) satisfies z.ZodType<Settings>;

/** Settings from a parsed settings file: every missing or invalid field gets its default. */
export function settingsFromStored(raw: unknown): Settings {
  const parsed = z.record(z.string(), z.unknown()).safeParse(raw);
  return storedSettingsSchema.parse(parsed.success ? parsed.data : {});
}

/** Reads and writes one settings JSON file. */
export class SettingsStore {
  constructor(readonly path: string) {}

  /** The stored settings; each missing or invalid field falls back to its default. */
  async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS }; // no file yet (first run) or unreadable: the defaults
    }
    try {
      return settingsFromStored(JSON.parse(text));
    } catch {
      return { ...DEFAULT_SETTINGS }; // damaged JSON: the defaults, rewritten on the next save
    }
  }

  /** Applies a validated patch to the stored settings and saves them atomically. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.load()), ...validateSettingsPatch(patch) };
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }
}
