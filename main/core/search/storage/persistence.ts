// The index on disk: one docs file and one postings file per segment (with its blocks file,
// checksums by block for readers that read part of it), and a manifest that names them with
// their SHA-256 and the format version. Segment files are immutable and written
// before the manifest, which is replaced atomically, so a crash leaves the old index intact.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { isErrno } from '../../errno';
import { writeFileAtomic } from '../../store/atomic-write';
import type { SegmentDocs } from '../segments/segment';
import { blocksFileOf, encodeBlocks, parseBlocks } from './postings-blocks';

/** Bump whenever analysis or the file layout changes: older indexes are then rebuilt. */
export const INDEX_FORMAT = 5;
const MANIFEST = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const segmentEntrySchema = z.object({
  seq: z.number().int().positive(),
  // Only names this code makes: a manifest never leads reads (or deletes) outside the folder.
  docsFile: z.string().regex(/^seg-\d+\.docs\.json$/),
  docsSha256: sha256Hex,
  indexFile: z.string().regex(/^seg-\d+\.postings$/),
  indexSha256: sha256Hex,
  dead: z.array(z.string()),
});
export type SegmentEntry = z.infer<typeof segmentEntrySchema>;

const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  nextSeq: z.number().int().positive(),
  segments: z.array(segmentEntrySchema),
  /** SHA-256 of the manifest without this field; absent in manifests from before it was added. */
  checksum: sha256Hex.optional(),
});

export interface IndexManifest {
  format: number;
  nextSeq: number;
  segments: SegmentEntry[];
}

// A segment's doc list holds three entries per article, and every search opens all of them:
// checked element by element in one loop each, zod's per-element array checks cost a cold
// `search` 40 ms at 10,000 articles. Same rules: strings, and safe integers (as zod's int()).
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const isIntArray = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => Number.isSafeInteger(x));
const docsFileSchema = z
  .object({
    format: z.literal(INDEX_FORMAT),
    seq: z.number().int().positive(),
    ids: z.custom<string[]>(isStringArray),
    revs: z.custom<number[]>(isIntArray),
    langs: z.custom<string[]>(isStringArray),
  })
  .refine((d) => d.ids.length === d.revs.length && d.ids.length === d.langs.length);

/** SHA-256 of a string or buffer, hex. */
export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

export const segmentFileNames = (seq: number): { docsFile: string; indexFile: string } => ({
  docsFile: `seg-${seq}.docs.json`,
  indexFile: `seg-${seq}.postings`,
});

/**
 * Writes one segment's files (`postings`: the postings file's bytes, parts one after another)
 * and returns the manifest entry (without dead ids).
 */
export async function writeSegmentFiles(
  dir: string,
  seq: number,
  docs: SegmentDocs,
  postings: readonly Uint8Array[],
): Promise<Omit<SegmentEntry, 'dead'>> {
  const { docsFile, indexFile } = segmentFileNames(seq);
  const docsJson = JSON.stringify({ format: INDEX_FORMAT, seq, ...docs });
  const hash = createHash('sha256');
  for (const part of postings) hash.update(part);
  const indexSha256 = hash.digest('hex');
  await writeFileAtomic(join(dir, indexFile), postings);
  // Not named in the manifest: it names the postings' SHA-256 itself (postings-blocks.ts).
  await writeFileAtomic(join(dir, blocksFileOf(indexFile)), encodeBlocks(postings, indexSha256));
  await writeFileAtomic(join(dir, docsFile), docsJson);
  return { seq, docsFile, docsSha256: sha256(docsJson), indexFile, indexSha256 };
}

/**
 * Writes the blocks file of a postings file written before blocks files existed (or whose
 * blocks file is damaged), from its verified bytes; a failure only leaves readers reading
 * the whole file.
 */
export async function addBlocksFile(path: string, sha: string, postings: Uint8Array) {
  const blocksPath = join(dirname(path), blocksFileOf(basename(path)));
  try {
    const current = await fs.readFile(blocksPath);
    if (parseBlocks(current, sha, postings.length)) return;
  } catch {
    // None yet: written below.
  }
  await writeFileAtomic(blocksPath, encodeBlocks([postings], sha)).catch(() => undefined);
}

/** SHA-256 of a manifest's fields in a fixed order, so writer and reader agree on the bytes. */
function manifestChecksum(m: IndexManifest): string {
  const segments = m.segments.map((e) => [
    e.seq,
    e.docsFile,
    e.docsSha256,
    e.indexFile,
    e.indexSha256,
    e.dead,
  ]);
  return sha256(JSON.stringify([m.format, m.nextSeq, segments]));
}

/** Writes the manifest atomically, then deletes segment files it no longer names. */
export async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  const text = JSON.stringify({ ...manifest, checksum: manifestChecksum(manifest) });
  await writeFileAtomic(join(dir, MANIFEST), text);
  const keep = new Set(
    manifest.segments.flatMap((s) => [s.docsFile, s.indexFile, blocksFileOf(s.indexFile)]),
  );
  for (const name of await fs.readdir(dir)) {
    if (!name.startsWith('seg-') || keep.has(name)) continue;
    // A file still open (a replaced segment's, read until its readers are done; on Windows, a
    // scanner's) may refuse to go yet: the manifest no longer names it, and the next save
    // tries again.
    await fs.rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Why a persisted index cannot be used as it is. */
export type ManifestProblem = 'missing' | 'corrupt' | 'version';

/** Path of the index manifest in an index folder. */
export const indexManifestPath = (dir: string): string => join(dir, MANIFEST);

/** Reads and checks the manifest; a problem means "rebuild" (`reason` says why, for reports). */
export async function readManifest(
  dir: string,
): Promise<{ manifest: IndexManifest } | { problem: ManifestProblem; reason: string }> {
  let text: string;
  try {
    text = await fs.readFile(join(dir, MANIFEST), 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return { problem: 'missing', reason: 'missing' };
    return { problem: 'corrupt', reason: `cannot be read (${String(e)})` };
  }
  return parseIndexManifest(text);
}

/** Parses manifest text as `readManifest` does. */
export function parseIndexManifest(
  text: string,
): { manifest: IndexManifest } | { problem: ManifestProblem; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'corrupt', reason: 'not valid JSON (the file is damaged)' };
  }
  const format = z.object({ format: z.number() }).safeParse(json);
  if (!format.success) return { problem: 'corrupt', reason: 'it names no format' };
  if (format.data.format !== INDEX_FORMAT) {
    return {
      problem: 'version',
      reason: `format ${format.data.format}; this version uses ${INDEX_FORMAT}`,
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { problem: 'corrupt', reason: 'its contents are malformed' };
  const { checksum, ...manifest } = parsed.data;
  if (checksum !== undefined && manifestChecksum(manifest) !== checksum) {
    return { problem: 'corrupt', reason: 'checksum mismatch' };
  }
  return { manifest };
}

/** Reads a file and checks it against its recorded SHA-256; null when missing or altered. */
export async function readVerified(path: string, expectedSha: string): Promise<string | null> {
  try {
    const text = await fs.readFile(path, 'utf8');
    return sha256(text) === expectedSha ? text : null;
  } catch {
    // Unreadable counts as missing: the index is a cache, rebuilt from the articles.
    return null;
  }
}

/** Reads a binary file and checks its SHA-256; null when missing or altered. */
export async function readVerifiedBytes(path: string, expectedSha: string): Promise<Buffer | null> {
  try {
    const data = await fs.readFile(path);
    return sha256(data) === expectedSha ? data : null;
  } catch {
    // Unreadable counts as missing: the index is a cache, rebuilt from the articles.
    return null;
  }
}

/** Reads a segment's doc list; null when missing, altered or malformed. */
export async function readSegmentDocs(
  dir: string,
  entry: SegmentEntry,
): Promise<SegmentDocs | null> {
  const text = await readVerified(join(dir, entry.docsFile), entry.docsSha256);
  return text === null ? null : parseSegmentDocs(text, entry.seq);
}

/** Parses a doc list file; null when malformed or not the segment `seq`'s. */
export function parseSegmentDocs(text: string, seq: number): SegmentDocs | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = docsFileSchema.safeParse(json);
  if (!parsed.success || parsed.data.seq !== seq) return null;
  const { ids, revs, langs } = parsed.data;
  return { ids, revs, langs };
}

/** Deletes every index file in `dir` (the index is a cache). */
export async function clearIndexDir(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    // No index folder (or none we can list): nothing to clear.
    return;
  }
  for (const name of names) {
    if (name === MANIFEST || name.startsWith('seg-') || name.endsWith('.tmp')) {
      await fs.rm(join(dir, name), { force: true });
    }
  }
}
