// Restore's second pass: every listed entry is written into a temp folder (never the final
// one) while its SHA-256 and size are taken from the bytes written, and compared with the
// manifest. Files are fsynced in the background, a bounded number at a time.
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupProgress } from '../../contract/backup';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import { diskFullOr } from '../store/disk-full';
import type { BackupManifest } from './backup-manifest';
import { ContentCounter, isArticlePath } from './content-counter';
import type { DamagedEntry } from './damaged-backup-error';
import { LIBRARY_PREFIX } from './entry-name';
import type { ZipSource } from './zip-source';

// Files being fsynced and closed at once, behind the extraction.
const SYNCS_IN_FLIGHT = 32;

export interface Extraction {
  problems: DamagedEntry[];
  counter: ContentCounter;
  files: number;
  bytes: number;
}

/** Extracts the manifest's entries under `tempDir`, checking each against the manifest. */
export async function extractVerified(
  zip: ZipSource,
  manifest: BackupManifest,
  tempDir: string,
  options: { onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
): Promise<Extraction> {
  const expected = new Map(manifest.entries.map((e) => [e.path, e]));
  const problems: DamagedEntry[] = [];
  const counter = new ContentCounter();
  const madeDirs = new Set<string>();
  const syncs = new Set<Promise<void>>();
  const syncFailures: unknown[] = [];
  const total = manifest.entries.length;
  let files = 0;
  let bytes = 0;
  options.onProgress?.({ phase: 'verifying', done: 0, total });
  try {
    await extractAll();
  } finally {
    // Every file is closed before the caller keeps or removes the folder.
    await Promise.all(syncs);
  }
  if (syncFailures.length > 0) throw syncFailures[0];
  options.onProgress?.({ phase: 'verifying', done: files, total });
  return { problems, counter, files, bytes };

  async function extractAll(): Promise<void> {
    for await (const entry of zip.entries()) {
      const want = expected.get(entry.name);
      // The inspection already named entries outside the manifest; the manifest itself is not a file.
      if (want === undefined) continue;
      if (options.signal?.aborted)
        throw new ArchiveError('CANCELLED', 'The restore was cancelled.');
      const relative = entry.name.slice(LIBRARY_PREFIX.length);
      const dest = join(tempDir, ...relative.split('/'));
      const folder = dirname(dest);
      if (!madeDirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        madeDirs.add(folder);
      }
      const hash = createHash('sha256');
      const keep: Buffer[] | null = isArticlePath(relative) ? [] : null;
      let size = 0;
      let handle: FileHandle | null = null;
      // Set while our own write runs: its failure (a full disk) is not damage in the backup.
      let writing = false;
      try {
        handle = await open(dest, 'wx');
        for await (const chunk of await zip.open(entry)) {
          if (!Buffer.isBuffer(chunk)) throw new Error('unexpected data');
          size += chunk.length;
          if (size > want.size) {
            throw new Error(`more than the ${want.size} bytes the manifest lists`);
          }
          hash.update(chunk);
          keep?.push(chunk);
          writing = true;
          await handle.write(chunk);
          writing = false;
        }
      } catch (e) {
        await handle?.close().catch(() => undefined);
        if (writing || handle === null) throw diskFullOr(e, dest);
        problems.push({ name: entry.name, reason: `cannot be read (${errorMessage(e)})` });
        continue;
      }
      const digest = hash.digest('hex');
      if (size !== want.size) {
        problems.push({ name: entry.name, reason: `${size} bytes, ${want.size} in the manifest` });
      } else if (digest !== want.sha256) {
        problems.push({ name: entry.name, reason: 'its SHA-256 does not match the manifest' });
      } else {
        files++;
        bytes += size;
        if (keep) counter.add(relative, Buffer.concat(keep));
      }
      await syncInBackground(handle, syncs, syncFailures);
      if (files % 256 === 0) options.onProgress?.({ phase: 'verifying', done: files, total });
    }
  }
}

/** fsyncs and closes a file without waiting, keeping at most SYNCS_IN_FLIGHT in flight. */
async function syncInBackground(
  handle: FileHandle,
  syncs: Set<Promise<void>>,
  failures: unknown[],
): Promise<void> {
  while (syncs.size >= SYNCS_IN_FLIGHT) await Promise.race(syncs);
  const done: Promise<void> = handle
    .sync()
    .finally(() => handle.close())
    .catch((e: unknown) => void failures.push(e))
    .finally(() => syncs.delete(done));
  syncs.add(done);
}
