// Expands import sources (files, folders, dropped contents) into the files to import.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ImportSource } from '../../contract/types';

/** File extensions that count as articles inside folders (explicitly named files always do). */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md']);

export type WalkItem =
  | { type: 'file'; path: string; name: string }
  | { type: 'data'; name: string; data: Uint8Array }
  | { type: 'skipped'; path: string }
  | { type: 'failed'; path: string; reason: string };

// A collection's own documentation (README.md, ORIGINAL-README.TXT, LICENSE.txt) sits beside
// its articles with article extensions; in folders it is skipped, named explicitly it is not.
const COLLECTION_DOCS =
  /(^|[-_.])(readme|licen[cs]e|copying|changelog|changes|contributing|authors)([-_.]|$)/i;

/** True when a file found in a folder should be imported. */
export function isArticleName(name: string): boolean {
  if (name.startsWith('.') || !ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) return false;
  return !COLLECTION_DOCS.test(basename(name, extname(name)));
}

/**
 * Yields every file to import, lazily so huge folders are never listed in memory at once.
 * A file named explicitly is always an article attempt, whatever its extension: the person
 * chose it, and decoding will reject it with a clear reason when it is not text.
 */
export async function* walkSources(sources: ImportSource[]): AsyncGenerator<WalkItem> {
  const visited = new Set<string>();
  for (const source of sources) {
    if ('data' in source) {
      yield { type: 'data', name: source.name, data: source.data };
      continue;
    }
    const path = resolve(source.path);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      yield { type: 'failed', path, reason: describeStatError(e) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path, visited);
    else yield { type: 'file', path, name: basename(path) };
  }
}

async function* walkFolder(dir: string, visited: Set<string>): AsyncGenerator<WalkItem> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { type: 'failed', path: dir, reason: `cannot read the folder: ${describeStatError(e)}` };
    return;
  }
  // Symlinked folders may loop back; each real folder is walked once.
  if (visited.has(real)) return;
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    // Hidden folders (.git, .cache, .Trash) hold tooling, not articles; named explicitly
    // they are walked like any folder.
    if (isDir && entry.name.startsWith('.')) yield { type: 'skipped', path };
    else if (isDir) yield* walkFolder(path, visited);
    else if (isFile && isArticleName(entry.name)) yield { type: 'file', path, name: entry.name };
    else yield { type: 'skipped', path };
  }
}

/** A one-line reason for a failed stat/open/read. */
export function describeStatError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (it may have been moved or deleted)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot read the file (${code ?? (e as Error).message})`;
  }
}
