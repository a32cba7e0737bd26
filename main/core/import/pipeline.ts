// The import pipeline: walk sources, read, decode, parse, deduplicate, commit in chunks.
import type { ImportOptions } from '../engine';
import type { StoredArticle } from '../store/article-file';
import type { IndexDoc } from '../search/types';
import { errorMessage } from '../../contract/error-message';
import type { ImportProgress, ImportSource, ImportSummary } from '../../contract/types';
import { parseJob, parseJobs } from './parse-jobs';
import { ParsePool, type ParseWorkerOptions } from './parse-pool';
import type { ParseJob, ParseOutcome } from './parse-protocol';
import { throttleProgress } from './progress-throttle';
import { BatchBuilder, readEntry, type Batch } from './read-ahead';
import { walkSources } from './walk';

/** A prepared article waiting to be written. */
export interface PendingArticle {
  article: StoredArticle;
  doc: IndexDoc;
  path: string;
}

/** What the pipeline needs from the library. */
export interface ImportSink<P = unknown> {
  /** The title of the article with this id already in the library, if any. */
  existingTitle(id: string): string | undefined;
  /**
   * Starts the work a chunk needs before its write (its index build) as soon as the chunk is
   * complete, while the chunks before it are still being written; its result goes to commit.
   */
  prepare?(chunk: PendingArticle[]): P;
  /** Writes a chunk durably; once it resolves those articles count as imported. */
  commit(chunk: PendingArticle[], prepared?: P): Promise<void>;
}

// A chunk is committed (one round of fsyncs) when it reaches either limit. Bigger chunks
// share folder fsyncs among more files (256 articles touch ~160 of the 256 shard folders,
// 64 touched ~56) and keep more fsyncs in flight; each file is open until its chunk is synced.
// The first chunks are small, so that the first articles are stored (and shown, and kept
// by a cancel) within moments, and the limit doubles up to the largest.
/** Articles in the first chunk of an import. */
export const FIRST_CHUNK_ARTICLES = 32;
/** Articles in a full chunk. */
export const CHUNK_ARTICLES = 256;
const CHUNK_BYTES = 8 * 1024 * 1024;
// Walked items per parse batch (one worker message), and batches parsed ahead of the writes.
const BATCH_JOBS = 32;
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCHES_AHEAD = 3;
// Complete chunks waiting behind the one being written: each is prepared meanwhile (its index
// build), so both index workers stay busy while a chunk's write waits for its own build.
const CHUNKS_AHEAD = 2;

/**
 * Imports sources in walk order; a bad file fails alone, never the batch. With a parse
 * worker, decoding and parsing run on it; without one, on this thread.
 */
export async function runImport<P>(
  sources: ImportSource[],
  sink: ImportSink<P>,
  options: ImportOptions = {},
  parser?: ParseWorkerOptions,
): Promise<ImportSummary> {
  const skippedFiles: { path: string; reason: string }[] = [];
  const summary: ImportSummary = {
    imported: [],
    duplicates: [],
    failed: [],
    skipped: 0,
    skippedFiles,
    cancelled: false,
  };
  const progress: ImportProgress = {
    done: 0,
    total: 0,
    current: '',
    imported: 0,
    duplicates: 0,
    failed: 0,
  };
  const listener = options.onProgress;
  // `progress` is updated in place: each send hands out a copy.
  const throttle = throttleProgress(listener && ((p: ImportProgress) => listener({ ...p })));
  const seenInBatch = new Map<string, string>();
  const fail = (label: string, reason: string) => {
    summary.failed.push({ path: label, reason });
    progress.failed++;
    progress.done++;
  };
  let chunk: PendingArticle[] = [];
  let chunkBytes = 0;
  let chunkLimit = FIRST_CHUNK_ARTICLES;

  // Chunks are written in order, one at a time (fsyncs: mostly waiting), while the next ones
  // are read, parsed and prepared.
  let writing: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const committing = chunk;
    chunk = [];
    chunkBytes = 0;
    const prepared = sink.prepare?.(committing);
    writing = writing.then(() => commitChunk(committing, prepared));
    queued.push(writing);
    while (queued.length > CHUNKS_AHEAD) await queued.shift();
  };
  const commitChunk = async (committing: PendingArticle[], prepared: P | undefined) => {
    try {
      await sink.commit(committing, prepared);
    } catch (e) {
      // A write error (disk full, permissions) fails these files, not the batch.
      for (const p of committing) {
        seenInBatch.delete(p.article.record.id);
        summary.failed.push({
          path: p.path,
          reason: `could not be saved in the library: ${errorMessage(e)}`,
        });
      }
      progress.failed += committing.length;
      progress.done += committing.length;
      throttle.report(progress);
      return;
    }
    for (const p of committing) {
      summary.imported.push({
        id: p.article.record.id,
        title: p.article.record.title,
        path: p.path,
      });
    }
    progress.imported += committing.length;
    progress.done += committing.length;
    throttle.report(progress);
  };

  // Files are parsed in batches on the parse workers, a few batches ahead of the writes;
  // every decision (duplicate, failure, order, progress) is still taken here, in walk order.
  const pool = parser ? new ParsePool(parser) : null;
  let usedPool = false;
  const parse = (jobs: ParseJob[]): Promise<ParseOutcome[]> => {
    // A small import (one partial batch) is not worth starting a worker for.
    if (!pool || (!usedPool && jobs.length < BATCH_JOBS)) return Promise.resolve(parseJobs(jobs));
    usedPool = true;
    return pool.parse(jobs);
  };
  const sent = new Set<string>();
  const builder = new BatchBuilder((id) => {
    const likely = sent.has(id) || sink.existingTitle(id) !== undefined;
    sent.add(id);
    return likely;
  });
  // Without workers nothing is gained by reading ahead: each file is handled as it is read,
  // so progress and abort behave exactly as in a one-file-at-a-time import.
  const batchSize = pool ? BATCH_JOBS : 1;
  const batchesAhead = pool ? BATCHES_AHEAD : 0;
  const ahead: Batch[] = [];
  let stopped = false;

  const consume = async (batch: Batch) => {
    const outcomes = await batch.outcomes;
    for (const entry of batch.entries) {
      if (stopped || options.signal?.aborted) {
        summary.cancelled = true;
        stopped = true;
        return;
      }
      if (entry.kind === 'skipped') {
        summary.skipped++;
        if (entry.reason) skippedFiles.push({ path: entry.label, reason: entry.reason });
        continue;
      }
      progress.total++;
      progress.current = entry.label;
      if (entry.kind === 'failed') {
        fail(entry.label, entry.reason);
        throttle.report(progress);
        continue;
      }
      const { job, label } = entry;
      const earlier = seenInBatch.get(job.id) ?? sink.existingTitle(job.id);
      if (earlier !== undefined) {
        summary.duplicates.push({ path: label, id: job.id, title: earlier });
        progress.duplicates++;
        progress.done++;
        throttle.report(progress);
        continue;
      }
      // Not parsed ahead when it looked like a duplicate (its twin may have failed since).
      const outcome = (entry.slot === null ? undefined : outcomes[entry.slot]) ?? parseJob(job);
      if (!outcome.ok) {
        fail(label, outcome.reason);
        throttle.report(progress);
        continue;
      }
      seenInBatch.set(job.id, outcome.record.title);
      chunk.push({
        article: { record: outcome.record, original: job.bytes },
        doc: outcome.doc,
        path: label,
      });
      chunkBytes += job.bytes.length;
      if (chunk.length >= chunkLimit || chunkBytes >= CHUNK_BYTES) {
        chunkLimit = Math.min(chunkLimit * 2, CHUNK_ARTICLES);
        await flush();
      } else throttle.report(progress);
    }
  };

  try {
    for await (const item of walkSources(sources)) {
      if (stopped) break;
      if (options.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      if (!builder.add(await readEntry(item), batchSize, BATCH_BYTES)) continue;
      ahead.push(builder.take(parse));
      if (ahead.length > batchesAhead) await consume(ahead.shift()!);
    }
    if (builder.size > 0) ahead.push(builder.take(parse));
    while (ahead.length > 0) await consume(ahead.shift()!);
  } finally {
    await pool?.close();
  }
  await flush();
  await writing;
  throttle.final(progress);
  return summary;
}
