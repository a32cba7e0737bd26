// The shell's small settings file: load with defaults, validate, save atomically.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../contract/api-contract';
import { ArchiveError } from './errors';
import { writeFileAtomic } from './store/atomic-write';

/** Settings used when nothing (or nothing valid) is stored. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  fontSize: 18,
  lineWidth: 65,
  sidebarVisible: true,
});

const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  fontSize: z.number().int().min(10).max(40),
  lineWidth: z.number().int().min(30).max(120),
  sidebarVisible: z.boolean(),
});

/** Validates a partial update; throws BAD_ARGUMENT naming the first bad field. */
export function validateSettingsPatch(patch: Partial<Settings>): Partial<Settings> {
  const result = settingsSchema.partial().strict().safeParse(patch);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'settings';
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `Invalid setting ${field}: ${issue?.message ?? 'bad value'}`,
    );
  }
  return result.data as Partial<Settings>;
}

/** Reads and writes one settings JSON file. */
export class SettingsStore {
  constructor(readonly path: string) {}

  /** The stored settings; each missing or invalid field falls back to its default. */
  async load(): Promise<Settings> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    const settings: Settings = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      const shape = settingsSchema.shape;
      for (const key of Object.keys(shape) as (keyof Settings)[]) {
        const parsed = shape[key].safeParse((raw as Record<string, unknown>)[key]);
        if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
      }
    }
    return settings;
  }

  /** Applies a validated patch to the stored settings and saves them atomically. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.load()), ...validateSettingsPatch(patch) };
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }
}
