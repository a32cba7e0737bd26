// Which library folder to open, for the app and the command line alike: --library (CLI only),
// else ARCHIVE_READER_LIBRARY, else the library last chosen in the app, else <userData>/library.
// The app's choice lives in a small JSON file in its userData folder; both read it here.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './store/atomic-write';

/** The environment variable naming the library folder (beaten only by --library). */
export const LIBRARY_ENV = 'ARCHIVE_READER_LIBRARY';

/** Name of the file, in the userData folder, that remembers File → Choose Library…. */
export const LIBRARY_CHOICE_FILE = 'library-location.json';

const choiceSchema = z.object({
  libraryDir: z
    .string()
    .refine((p) => isAbsolute(p) && !p.includes('\0'), 'must be an absolute path'),
});

/** The file that remembers the chosen library, in `userData`. */
export function libraryChoiceFile(userData: string): string {
  return join(userData, LIBRARY_CHOICE_FILE);
}

/** The saved choice, or null when the file is missing, damaged or names an unusable path. */
export function readLibraryChoice(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No choice saved yet (or unreadable): the default applies, as for a damaged file.
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A damaged choice file: the default library applies, as documented above.
    return null;
  }
  const parsed = choiceSchema.safeParse(json);
  return parsed.success ? parsed.data.libraryDir : null;
}

/** Remembers the chosen library folder, atomically (a crash leaves the old choice or the new). */
export async function saveLibraryChoice(file: string, libraryDir: string): Promise<void> {
  const choice = choiceSchema.parse({ libraryDir });
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(choice)}\n`);
}

export interface LibraryLocationRequest {
  /** `--library DIR` (the CLI); relative paths resolve against `cwd`. */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The app's userData folder (`userDataDir()` computes it without Electron). */
  userData: string;
  cwd?: string;
}

const given = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** The library folder to open: flag, environment, the app's saved choice, then the default. */
export function resolveLibraryDir(request: LibraryLocationRequest): string {
  const cwd = request.cwd ?? process.cwd();
  if (given(request.flag)) return resolve(cwd, request.flag);
  const fromEnv = request.env[LIBRARY_ENV];
  if (given(fromEnv)) return resolve(cwd, fromEnv);
  return (
    readLibraryChoice(libraryChoiceFile(request.userData)) ?? join(request.userData, 'library')
  );
}
