// Which library a command works on: --library, $ARCHIVE_READER_LIBRARY, the app's choice or
// the default. Kept apart from open.ts, which loads the whole engine, so `list` need not.
import { resolveLibraryDir } from '../core/library-location';
import { userDataDir } from '../core/paths';

/** The library folder for a command line's --library (already resolved) and environment. */
export function libraryDirOf(request: {
  libraryFlag?: string;
  env: Record<string, string | undefined>;
}): string {
  return resolveLibraryDir({
    flag: request.libraryFlag,
    env: request.env,
    userData: userDataDir(process.platform, request.env),
  });
}
