// Expands import sources (files, folders, dropped contents) into the files to import.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ImportSource } from '../../contract/types';
import { errorMessage } from '../../contract/error-message';
import { isArticleName, isSkippedFolderName } from '../../contract/import-rules';
import { errnoCode } from '../errno';
import { notRegularReason } from './not-regular';

export type WalkItem =
  /** `root`: the folder that was imported, whose first level below is the collection. */
  | { type: 'file'; path: string; name: string; root: string | null }
  | { type: 'data'; name: string; data: Uint8Array }
  /** `reason` is set when the skip is worth telling (a link out of the folder, a pipe). */
  | { type: 'skipped'; path: string; reason?: string }
  | { type: 'failed'; path: string; reason: string };

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
    if (info.isDirectory()) {
      yield* walkChosenFolder(path, visited);
      continue;
    }
    // A pipe is refused here, before anything opens it (an open would wait for a writer).
    const refused = notRegularReason(info);
    if (refused !== null) yield { type: 'failed', path, reason: refused };
    else {
      const root = source.root === undefined ? null : resolve(source.root);
      yield { type: 'file', path, name: basename(path), root };
    }
  }
}

async function* walkChosenFolder(dir: string, visited: Set<string>): AsyncGenerator<WalkItem> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch (e) {
    yield { type: 'failed', path: dir, reason: `cannot read the folder: ${describeStatError(e)}` };
    return;
  }
  yield* walkFolder(dir, root, visited, dir);
}

/**
 * Walks one folder inside the chosen one (`root`, a real path). Links are followed only
 * while they stay inside `root`: the person chose that folder, not what links in it reach
 * (a link to /etc or to ../.. would import files they never picked).
 */
async function* walkFolder(
  dir: string,
  root: string,
  visited: Set<string>,
  top: string,
): AsyncGenerator<WalkItem> {
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
    const target = entry.isSymbolicLink() ? await followLink(path, root) : entry;
    if ('skip' in target) {
      yield target.skip;
      continue;
    }
    // The rules (contract/import-rules.ts) are shared with the renderer's walk of dropped folders.
    if (target.isDirectory()) {
      if (isSkippedFolderName(entry.name)) yield { type: 'skipped', path };
      else yield* walkFolder(path, root, visited, top);
    } else if (!isArticleName(entry.name)) {
      yield { type: 'skipped', path };
    } else {
      // Pipes, sockets and devices named like articles are worth a word; opening a pipe
      // would wait for a writer.
      const refused = notRegularReason(target);
      yield refused === null
        ? { type: 'file', path, name: entry.name, root: top }
        : skip(path, refused);
    }
  }
}

const skip = (path: string, reason: string): WalkItem => ({ type: 'skipped', path, reason });

/** What a link inside the walked folder leads to, or why it is not followed. */
async function followLink(
  path: string,
  root: string,
): Promise<Stats | Dirent | { skip: WalkItem }> {
  let target: string;
  let info: Stats;
  try {
    target = await realpath(path);
    info = await stat(target);
  } catch {
    // A broken or looping link leads nowhere: counted with the other non-articles.
    return { skip: { type: 'skipped', path } };
  }
  if (!isInside(target, root)) {
    // Only links that would otherwise be walked or imported are worth a reason.
    const wanted = info.isDirectory() || isArticleName(basename(path));
    const reason = `symbolic link to ${target}, outside the chosen folder`;
    return { skip: wanted ? skip(path, reason) : { type: 'skipped', path } };
  }
  return info;
}

/** True when the real path `path` is `root` or lies under it. */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** A one-line reason for a failed stat/open/read. */
export function describeStatError(e: unknown): string {
  const code = errnoCode(e);
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
      return `cannot read the file (${code ?? errorMessage(e)})`;
  }
}
