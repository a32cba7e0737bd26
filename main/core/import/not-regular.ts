// Names the kind of a directory entry that is not a regular file, for refusal reasons.

/** What both fs.Stats and fs.Dirent can say about an entry's type. */
export interface EntryType {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** Why an entry cannot be imported as an article file, or null when it is a regular file. */
export function notRegularReason(type: EntryType): string | null {
  if (type.isFile()) return null;
  return `not a regular file: ${kindOf(type)}`;
}

function kindOf(type: EntryType): string {
  if (type.isFIFO()) return 'a named pipe';
  if (type.isSocket()) return 'a socket';
  if (type.isCharacterDevice()) return 'a character device';
  if (type.isBlockDevice()) return 'a block device';
  if (type.isDirectory()) return 'a folder';
  return 'an unknown kind of file';
}
