// manifest.json: marks a folder as a library and records its on-disk format version.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { writeFileAtomic } from './atomic-write';

/**
 * The format this code writes; libraries with a higher number are refused. 2: articles are
 * kept in packs (a library of format 1, one file per article, is raised to 2 when its first
 * pack is written, so that older versions do not open it and miss those articles).
 */
export const LIBRARY_FORMAT = 2;
/** Every format this version reads. Format numbers start at 1; nothing else is a library. */
const KNOWN_FORMATS: readonly number[] = [1, 2];

// Fields a later version may add are kept out of the way, not refused: the format number is
// what says whether this version can read the library.
const manifestSchema = z.looseObject({
  format: z.unknown(),
  createdAt: z.string().optional(),
  app: z.string().optional(),
});

export interface Manifest {
  format: number;
  createdAt: string;
  app: string;
}

/** Path of the manifest inside a library folder. */
export const manifestPath = (dir: string): string => join(dir, 'manifest.json');

/**
 * Reads the manifest; null when there is none. Throws LIBRARY_VERSION for a newer format and
 * LIBRARY_CORRUPT for a damaged file or a format no version of Archive Reader writes.
 */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const path = manifestPath(dir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw new ArchiveError('IO', `Cannot read ${path}: ${errorMessage(e)}`);
  }
  return parseManifest(text, dir);
}

/** Parses manifest text; throws as `readManifest` does. */
export function parseManifest(text: string, dir: string): Manifest {
  const path = manifestPath(dir);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt(path, 'it is not valid JSON (the file is damaged)');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw corrupt(path, 'it is not a JSON object');
  const { format } = parsed.data;
  if (format === undefined) throw corrupt(path, 'it names no format');
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    throw corrupt(path, `its format ${JSON.stringify(format)} is not one Archive Reader writes`);
  }
  if (format > LIBRARY_FORMAT) {
    throw new ArchiveError(
      'LIBRARY_VERSION',
      `The library at ${dir} uses format ${format}, newer than this version of Archive Reader understands (${LIBRARY_FORMAT}). Update Archive Reader to open it.`,
    );
  }
  if (!KNOWN_FORMATS.includes(format)) {
    throw corrupt(path, `its format ${format} is not one this version reads`);
  }
  return { format, createdAt: parsed.data.createdAt ?? '', app: 'Archive Reader' };
}

function corrupt(path: string, why: string): ArchiveError {
  return new ArchiveError(
    'LIBRARY_CORRUPT',
    `The library's manifest ${path} cannot be used: ${why}. If this folder is an Archive Reader library, delete manifest.json and open it again.`,
  );
}

/** Writes a fresh manifest for a new (or manifest-less) library. */
export async function writeManifest(dir: string): Promise<Manifest> {
  const manifest: Manifest = {
    format: LIBRARY_FORMAT,
    createdAt: new Date().toISOString(),
    app: 'Archive Reader',
  };
  await writeFileAtomic(manifestPath(dir), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Raises an older library's manifest to this code's format, keeping when it was created. */
export async function upgradeManifest(dir: string): Promise<void> {
  const manifest = await readManifest(dir);
  if (manifest === null || manifest.format >= LIBRARY_FORMAT) return;
  const upgraded: Manifest = { ...manifest, format: LIBRARY_FORMAT };
  await writeFileAtomic(manifestPath(dir), `${JSON.stringify(upgraded, null, 2)}\n`);
}
