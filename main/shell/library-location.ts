// Which library folder to open: ARCHIVE_READER_LIBRARY, else the one last chosen with
// Choose Library…, else <userData>/library. The choice is kept beside the settings.
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** The library folder to open at startup. */
export function initialLibraryDir(
  env: NodeJS.ProcessEnv,
  userData: string,
  choiceFile: string,
): string {
  const fromEnv = env.ARCHIVE_READER_LIBRARY;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  const chosen = readChoice(choiceFile);
  return chosen ?? join(userData, 'library');
}

/** The saved choice, or null when missing or unusable. */
export function readChoice(file: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { libraryDir?: unknown }).libraryDir;
    return typeof v === 'string' && isAbsolute(v) && !v.includes('\0') ? v : null;
  } catch {
    return null;
  }
}

/** Remembers the chosen library folder. */
export async function saveChoice(file: string, libraryDir: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ libraryDir }));
  await rename(tmp, file);
}
