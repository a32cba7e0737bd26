// Where `archive-reader serve` listens for one library: a Unix socket in a folder of the
// user's own under the temp folder (mode 0700), named by a hash of the library's path. The
// command line only talks to a socket in a folder that is a real folder owned by this user and
// closed to others, so no one else can plant a service that answers in the library's name.
// There is none on Windows: a named pipe there is open to other users unless given an access
// list, which Node cannot set.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folder of the user's service sockets; null when it is not safe to use (or on Windows). */
export function serviceFolder(create: boolean, base: string = tmpdir()): string | null {
  if (process.platform === 'win32') return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = join(base, `archive-reader-service-${uid ?? 'user'}`);
  try {
    if (create) mkdirSync(dir, { mode: 0o700, recursive: true });
    const info = lstatSync(dir);
    if (!info.isDirectory() || (info.mode & 0o077) !== 0) return null;
    if (uid !== null && info.uid !== uid) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The socket of the service for the library at `libraryDir`, inside `folder`. */
export function serviceSocket(folder: string, libraryDir: string): string {
  const key = createHash('sha1').update(resolve(libraryDir)).digest('hex').slice(0, 20);
  return join(folder, `${key}.sock`);
}
