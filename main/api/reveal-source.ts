// "Show in folder" for an article: only the path recorded at import, and only while that file
// still exists, is handed to the shell; the renderer never names a path itself.
import { stat } from 'node:fs/promises';
import { ArchiveError } from '../core/errors';

/** Reveals `sourcePath` with `reveal`, or says in one line why it cannot be shown. */
export async function revealSource(
  reveal: ((path: string) => void | Promise<void>) | undefined,
  sourcePath: string | null,
): Promise<void> {
  if (!reveal) {
    throw new ArchiveError('FORBIDDEN', 'Show in folder works only in the desktop app.');
  }
  if (sourcePath === null) {
    throw new ArchiveError(
      'NOT_FOUND',
      'This article was dropped as contents, so no file on disk is known for it.',
    );
  }
  const file = await stat(sourcePath).catch(() => null);
  if (!file?.isFile()) {
    throw new ArchiveError(
      'NOT_FOUND',
      `The source file is no longer there (moved or deleted?): ${sourcePath}`,
    );
  }
  await reveal(sourcePath);
}
