// Restore's first pass, over the archive's directory only: reads the manifest and compares it
// with the entries the archive holds (unsafe names, entries missing, extra or of the wrong
// size), before a single file is written.
import { text } from 'node:stream/consumers';
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import { LIBRARY_FORMAT } from '../store/manifest';
import { MANIFEST_ENTRY, parseBackupManifest, type BackupManifest } from './backup-manifest';
import type { DamagedEntry } from './damaged-backup-error';
import { entryNameProblem, LIBRARY_PREFIX } from './entry-name';
import type { ZipSource } from './zip-source';

// A manifest of 100,000 entries is about 13 MB; far more is not one we wrote.
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

export interface Inspection {
  manifest: BackupManifest;
  /** Everything wrong found so far; restore stops when it is not empty. */
  problems: DamagedEntry[];
}

/** Reads the manifest and checks every entry name and size against it. */
export async function inspectBackup(zip: ZipSource): Promise<Inspection> {
  const problems: DamagedEntry[] = [];
  const sizes = new Map<string, number>();
  let manifestText: string | null = null;
  for await (const entry of zip.entries()) {
    if (sizes.has(entry.name) || (entry.name === MANIFEST_ENTRY && manifestText !== null)) {
      problems.push({ name: entry.name, reason: 'in the archive twice' });
      continue;
    }
    if (entry.name === MANIFEST_ENTRY) {
      if (entry.size > MAX_MANIFEST_BYTES) {
        throw damaged(zip.path, `${MANIFEST_ENTRY} is implausibly large (${entry.size} bytes)`);
      }
      try {
        manifestText = await text(await zip.open(entry));
      } catch (e) {
        throw damaged(zip.path, `${MANIFEST_ENTRY} cannot be read (${errorMessage(e)})`);
      }
      continue;
    }
    const problem = entryNameProblem(entry.name);
    if (problem !== null) problems.push({ name: entry.name, reason: problem });
    else sizes.set(entry.name, entry.size);
  }
  if (manifestText === null) {
    throw damaged(
      zip.path,
      `it has no ${MANIFEST_ENTRY} (not an Archive Reader backup, or its manifest was lost)`,
    );
  }
  const manifest = parseBackupManifest(manifestText, zip.path);
  if (manifest.library.format > LIBRARY_FORMAT) {
    throw new ArchiveError(
      'LIBRARY_VERSION',
      `The backup ${zip.path} holds a library in format ${manifest.library.format}, newer than this version of Archive Reader understands (${LIBRARY_FORMAT}). Update Archive Reader to restore it.`,
    );
  }
  const listed = new Set<string>();
  for (const e of manifest.entries) {
    const problem = entryNameProblem(e.path);
    if (problem !== null || !e.path.startsWith(LIBRARY_PREFIX)) {
      problems.push({ name: e.path, reason: problem ?? `listed outside ${LIBRARY_PREFIX}` });
      continue;
    }
    if (listed.has(e.path)) {
      problems.push({ name: e.path, reason: 'listed in the manifest twice' });
      continue;
    }
    listed.add(e.path);
    const size = sizes.get(e.path);
    if (size === undefined) problems.push({ name: e.path, reason: 'missing from the archive' });
    else if (size !== e.size) {
      problems.push({
        name: e.path,
        reason: `${size} bytes in the archive, ${e.size} in the manifest`,
      });
    }
  }
  for (const name of sizes.keys()) {
    if (!listed.has(name)) problems.push({ name, reason: 'not in the manifest' });
  }
  if (!listed.has(`${LIBRARY_PREFIX}manifest.json`) && problems.length === 0) {
    throw damaged(zip.path, `it holds no ${LIBRARY_PREFIX}manifest.json (no library)`);
  }
  return { manifest, problems };
}

function damaged(path: string, why: string): ArchiveError {
  return new ArchiveError(
    'LIBRARY_CORRUPT',
    `The backup ${path} is damaged or not a backup; nothing was restored: ${why}.`,
  );
}
