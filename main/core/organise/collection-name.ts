// Collection names and where they come from: the first folder below the folder that was
// imported. Shared by the import (new articles), the upgrade of older libraries, the list
// filter and the `collection:` search field.
import { isAbsolute, relative, sep } from 'node:path';

/** The matching key of a collection name: case and Unicode form do not matter. */
export function collectionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The folder of `file` relative to the imported folder `root`, "/"-separated ("" when the file
 * is directly in it); null when there is no root (a file imported on its own) or the file is
 * not inside it.
 */
export function folderBelow(root: string | null, file: string): string | null {
  if (root === null) return null;
  const rel = relative(root, file);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return null;
  const parts = rel.split(sep);
  parts.pop();
  return parts.join('/');
}

/**
 * The folder of contents dropped without a path, from their name: a dropped folder's files are
 * named "folder/sub/file.txt", and the dropped folder is the imported one, so this is "sub".
 * Null for a plain file name.
 */
export function folderOfDroppedName(name: string): string | null {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  if (parts.length < 2) return null;
  return parts.slice(1, -1).join('/');
}

/** The collection of a relative folder: its first part, or null at the top or without one. */
export function collectionOfFolder(folder: string | null | undefined): string | null {
  if (!folder) return null;
  const first = folder.split('/')[0]!.normalize('NFC').trim();
  return first === '' ? null : first;
}
