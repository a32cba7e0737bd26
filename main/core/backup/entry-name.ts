// The names a backup may hold. An archive's entry names decide where its files land, so a
// name that is absolute, climbs out with "..", or uses a separator or character some OS reads
// differently is refused before anything is written.

/** Where the library's own files sit inside a backup archive (so unzipping gives a library folder). */
export const LIBRARY_PREFIX = 'library/';

// Every name the library writes fits this: letters, digits, dot, dash and underscore.
const SEGMENT = /^[A-Za-z0-9._-]+$/;
const MAX_NAME_LENGTH = 400;

/** Why an archive entry name is unsafe to extract, or null when it is a plain relative path. */
export function entryNameProblem(name: string): string | null {
  if (name === '') return 'an empty name';
  if (name.length > MAX_NAME_LENGTH) return 'a name that is too long';
  if (name.startsWith('/') || name.startsWith('\\')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'an absolute path (a drive letter)';
  if (name.includes('\\')) return 'a backslash in the name';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'a path that climbs out of the folder (..)';
  if (segments.some((s) => s === '' || s === '.')) return 'an empty or "." folder in the path';
  if (!segments.every((s) => SEGMENT.test(s))) return 'characters outside A-Z, 0-9, ".", "-", "_"';
  return null;
}

/** True when a file name (one path segment) may go into a backup. */
export const isPortableSegment = (segment: string): boolean =>
  SEGMENT.test(segment) && segment !== '.' && segment !== '..';
