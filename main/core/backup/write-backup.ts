// backup: the whole library as one zip archive, consistent while the app writes to it.
//
// Article files are replaced atomically (rename), so each file is read once and its checksum
// taken from the bytes read: every article in the archive is one whole version of it. The
// catalogue and the search index are caches of those files and are left out (restore rebuilds
// them), which also means no cache can disagree with the articles beside it. A backup takes no
// lock: like every reader it works beside a writer.
import { createHash } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { BackupProgress, BackupResult, SkippedFile } from '../../contract/backup';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError, isArchiveError } from '../errors';
import { isErrno } from '../errno';
import { fsyncDir, tempPathFor } from '../store/atomic-write';
import { ARTICLE_FORMAT } from '../store/article-file';
import { diskFullOr } from '../store/disk-full';
import { LIBRARY_FORMAT, readManifest } from '../store/manifest';
import {
  BACKUP_FORMAT,
  MANIFEST_ENTRY,
  type BackupManifest,
  type ManifestEntry,
} from './backup-manifest';
import { ContentCounter } from './content-counter';
import { LIBRARY_PREFIX } from './entry-name';
import { listLibraryFiles } from './library-files';
import { readAheadFiles } from './read-ahead-files';
import { ZipSink } from './zip-sink';

export interface BackupOptions {
  /** The app's version, recorded in the manifest. */
  appVersion: string;
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
}

/** Writes a backup of the library at `libraryDir` to `file` (replaced only once complete). */
export async function writeBackup(
  libraryDir: string,
  file: string,
  options: BackupOptions,
): Promise<BackupResult> {
  const started = performance.now();
  const createdAt = new Date();
  const dir = resolve(libraryDir);
  const target = resolve(file);
  if ((await readManifest(dir)) === null) {
    throw new ArchiveError('NOT_FOUND', `There is no library at ${dir} to back up.`);
  }
  const inside = relative(dir, target);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `The backup file ${target} would be inside the library it backs up; choose a place outside ${dir}.`,
    );
  }
  await refuseFolder(target);
  const { files, skipped } = await listLibraryFiles(dir);
  const temp = tempPathFor(target);
  let sink: ZipSink;
  try {
    sink = new ZipSink(temp, createdAt);
  } catch (e) {
    throw diskFullOr(e, target);
  }
  let done = false;
  try {
    const written = await copyFiles(dir, files, sink, skipped, options);
    // A pack started while the backup ran may hold the only copy of an article whose older
    // record a compaction has since dropped: packs that appeared are read too, until none do.
    for (const seen = new Set(files); ;) {
      const late = (await listLibraryFiles(dir)).files.filter(
        (f) => f.startsWith('articles/packs/') && f.endsWith('.pack') && !seen.has(f),
      );
      if (late.length === 0) break;
      for (const f of late) seen.add(f);
      await copyFiles(dir, late, sink, skipped, options, written);
    }
    const manifest: BackupManifest = {
      kind: 'archive-reader-backup',
      format: BACKUP_FORMAT,
      createdAt: createdAt.toISOString(),
      app: { name: 'Archive Reader', version: options.appVersion },
      library: { format: LIBRARY_FORMAT, articleFormat: ARTICLE_FORMAT },
      contents: written.counter.contents(),
      entries: written.entries,
    };
    await sink.add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest), 'utf8'));
    await sink.finish();
    // On disk before it takes FILE's name: a power cut never leaves a backup of zeros.
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The last moment a cancel can still take effect: after the rename the backup exists.
    throwIfCancelled(options.signal);
    await rename(temp, target);
    done = true;
    await fsyncDir(dirname(target));
    const archiveBytes = (await stat(target)).size;
    return {
      path: target,
      createdAt: manifest.createdAt,
      files: written.entries.length,
      bytes: written.bytes,
      archiveBytes,
      contents: manifest.contents,
      skipped,
      tookMs: performance.now() - started,
    };
  } catch (e) {
    if (!done) {
      await sink.abort().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
    if (isArchiveError(e)) throw e;
    const failure = diskFullOr(e, target);
    if (isArchiveError(failure)) throw failure;
    throw new ArchiveError('IO', `Cannot write the backup ${target}: ${errorMessage(e)}`);
  }
}

// A progress report at least every this many bytes read, or every 256 files.
const PROGRESS_BYTES = 1024 * 1024;

async function copyFiles(
  dir: string,
  files: readonly string[],
  sink: ZipSink,
  skipped: SkippedFile[],
  options: BackupOptions,
  into: Copied = { entries: [], bytes: 0, counter: new ContentCounter() },
): Promise<Copied> {
  const { entries, counter } = into;
  let bytes = into.bytes;
  let done = 0;
  let reportedBytes = bytes;
  options.onProgress?.({ phase: 'reading', done: 0, total: files.length });
  for await (const read of readAheadFiles(dir, files)) {
    throwIfCancelled(options.signal);
    done++;
    if (read.bytes === null) {
      skipped.push({ path: read.path, reason: 'removed while the backup ran' });
    } else {
      const path = LIBRARY_PREFIX + read.path;
      const sha256 = createHash('sha256').update(read.bytes).digest('hex');
      entries.push({ path, size: read.bytes.length, sha256 });
      bytes += read.bytes.length;
      counter.add(read.path, read.bytes);
      await sink.add(path, read.bytes);
    }
    // Article packs are few and large: a big file is worth a report of its own.
    if (done % 256 === 0 || done === files.length || bytes - reportedBytes >= PROGRESS_BYTES) {
      reportedBytes = bytes;
      options.onProgress?.({ phase: 'reading', done, total: files.length });
    }
  }
  throwIfCancelled(options.signal);
  into.bytes = bytes;
  return into;
}

interface Copied {
  entries: ManifestEntry[];
  bytes: number;
  counter: ContentCounter;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ArchiveError('CANCELLED', 'The backup was cancelled.');
}

/** A folder at the target path would be replaced by nothing useful: say so up front. */
async function refuseFolder(target: string): Promise<void> {
  try {
    if ((await stat(target)).isDirectory()) {
      throw new ArchiveError('BAD_ARGUMENT', `${target} is a folder; name a file for the backup.`);
    }
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return;
    throw e;
  }
}
