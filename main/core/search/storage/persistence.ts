// The index on disk: one docs file and one Lunr file per segment, and a manifest that names
// them with their SHA-256 and the format version. Segment files are immutable and written
// before the manifest, which is replaced atomically, so a crash leaves the old index intact.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { SegmentDocs } from '../segments/segment';

/** Bump whenever analysis or the file layout changes: older indexes are then rebuilt. */
export const INDEX_FORMAT = 4;
const MANIFEST = 'manifest.json';

export interface SegmentEntry {
  seq: number;
  docsFile: string;
  docsSha256: string;
  indexFile: string;
  indexSha256: string;
  /** Ids in the segment that a newer version or a removal replaced. */
  dead: string[];
}

export interface IndexManifest {
  format: number;
  nextSeq: number;
  segments: SegmentEntry[];
}

/** SHA-256 of a string or buffer, hex. */
export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/** Writes a file via temp + fsync + rename + fsync of the folder. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  dir: string,
): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path);
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  let dh: fs.FileHandle | null = null;
  try {
    dh = await fs.open(dir, 'r');
    await dh.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  } finally {
    await dh?.close();
  }
}

export const segmentFileNames = (seq: number): { docsFile: string; indexFile: string } => ({
  docsFile: `seg-${seq}.docs.json`,
  indexFile: `seg-${seq}.postings`,
});

/** Writes one segment's two files and returns the manifest entry (without dead ids). */
export async function writeSegmentFiles(
  dir: string,
  seq: number,
  docs: SegmentDocs,
  postings: Uint8Array,
): Promise<Omit<SegmentEntry, 'dead'>> {
  const { docsFile, indexFile } = segmentFileNames(seq);
  const docsJson = JSON.stringify({ format: INDEX_FORMAT, seq, ...docs });
  await writeFileAtomic(join(dir, indexFile), postings, dir);
  await writeFileAtomic(join(dir, docsFile), docsJson, dir);
  return { seq, docsFile, docsSha256: sha256(docsJson), indexFile, indexSha256: sha256(postings) };
}

/** Writes the manifest atomically, then deletes segment files it no longer names. */
export async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest), dir);
  const keep = new Set(manifest.segments.flatMap((s) => [s.docsFile, s.indexFile]));
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('seg-') && !keep.has(name)) await fs.rm(join(dir, name), { force: true });
  }
}

/** Why a persisted index cannot be used as it is. */
export type ManifestProblem = 'missing' | 'corrupt' | 'version';

/** Reads and checks the manifest; a problem means "rebuild". */
export async function readManifest(
  dir: string,
): Promise<{ manifest: IndexManifest } | { problem: ManifestProblem }> {
  let text: string;
  try {
    text = await fs.readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return { problem: 'missing' };
  }
  try {
    const m = JSON.parse(text) as IndexManifest;
    if (typeof m !== 'object' || m === null || typeof m.format !== 'number') {
      return { problem: 'corrupt' };
    }
    if (m.format !== INDEX_FORMAT) return { problem: 'version' };
    if (!Array.isArray(m.segments) || typeof m.nextSeq !== 'number') return { problem: 'corrupt' };
    return { manifest: m };
  } catch {
    return { problem: 'corrupt' };
  }
}

/** Reads a file and checks it against its recorded SHA-256; null when missing or altered. */
export async function readVerified(path: string, expectedSha: string): Promise<string | null> {
  try {
    const text = await fs.readFile(path, 'utf8');
    return sha256(text) === expectedSha ? text : null;
  } catch {
    return null;
  }
}

/** Reads a binary file and checks its SHA-256; null when missing or altered. */
export async function readVerifiedBytes(path: string, expectedSha: string): Promise<Buffer | null> {
  try {
    const data = await fs.readFile(path);
    return sha256(data) === expectedSha ? data : null;
  } catch {
    return null;
  }
}

/** Reads a segment's doc list; null when missing, altered or malformed. */
export async function readSegmentDocs(
  dir: string,
  entry: SegmentEntry,
): Promise<SegmentDocs | null> {
  const text = await readVerified(join(dir, entry.docsFile), entry.docsSha256);
  if (text === null) return null;
  try {
    const d = JSON.parse(text) as SegmentDocs & { seq: number };
    const ok =
      d.seq === entry.seq &&
      Array.isArray(d.ids) &&
      Array.isArray(d.revs) &&
      Array.isArray(d.langs) &&
      d.ids.length === d.revs.length &&
      d.ids.length === d.langs.length;
    return ok ? { ids: d.ids, revs: d.revs, langs: d.langs } : null;
  } catch {
    return null;
  }
}

/** Deletes every index file in `dir` (the index is a cache). */
export async function clearIndexDir(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === MANIFEST || name.startsWith('seg-') || name.endsWith('.tmp')) {
      await fs.rm(join(dir, name), { force: true });
    }
  }
}
