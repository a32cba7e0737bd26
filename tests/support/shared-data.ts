// Where the shared test data lives, and how tests skip when it is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repo root (tests/support/..). */
export const repoRoot = resolve(__dirname, '..', '..');
/** `../shared` beside the repo, or ARCHIVE_READER_SHARED. */
export const sharedDir = process.env.ARCHIVE_READER_SHARED ?? resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(sharedDir);

export const samplesDir = resolve(sharedDir, 'samples');
export const sampleArticle = resolve(samplesDir, '000_427cd94a8252ce8f.txt');
export const bbcDir = resolve(sharedDir, 'corpora', 'bbc-fulltext');
export const reutersJsonl = resolve(sharedDir, 'corpora', 'reuters21578', 'reuters21578.jsonl.gz');
export const saudiJsonl = resolve(sharedDir, 'corpora', 'saudinewsnet', 'saudinewsnet.jsonl.gz');

/** Reason text for `describe.skipIf(!hasShared)` and friends. */
export const sharedSkipReason = `shared test data not found at ${sharedDir}; set ARCHIVE_READER_SHARED or place ../shared beside the repo`;

if (!hasShared) {
  process.stderr.write(`[tests] skipping corpus tests: ${sharedSkipReason}\n`);
}
