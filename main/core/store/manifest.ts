// manifest.json: marks a folder as a library and records its on-disk format version.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError } from '../errors';
import { writeFileAtomic } from './atomic-write';

/** The format this code writes; libraries with a higher number are refused. */
export const LIBRARY_FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  app: string;
}

/** Path of the manifest inside a library folder. */
export const manifestPath = (dir: string): string => join(dir, 'manifest.json');

/** Reads the manifest; null when there is none. Throws for newer formats or a damaged file. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(manifestPath(dir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ArchiveError('IO', `Cannot read ${manifestPath(dir)}: ${(e as Error).message}`);
  }
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(text) as Partial<Manifest>;
  } catch {
    return null; // A torn manifest says nothing; the caller writes a fresh one.
  }
  if (typeof parsed.format !== 'number') return null;
  if (parsed.format > LIBRARY_FORMAT) {
    throw new ArchiveError(
      'LIBRARY_VERSION',
      `The library at ${dir} uses format ${parsed.format}, newer than this version of Archive Reader understands (${LIBRARY_FORMAT}). Update Archive Reader to open it.`,
    );
  }
  return {
    format: parsed.format,
    createdAt: String(parsed.createdAt ?? ''),
    app: 'Archive Reader',
  };
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
