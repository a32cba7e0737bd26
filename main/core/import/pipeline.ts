// The import pipeline: walk sources, read, decode, parse, deduplicate, commit in chunks.
import type { ImportOptions } from '../engine';
import type { StoredArticle } from '../store/article-file';
import type { IndexDoc } from '../search/types';
import type { ImportProgress, ImportSource, ImportSummary } from '../types';
import { articleIdOf, prepareArticle } from './prepare-article';
import { throttleProgress } from './progress-throttle';
import { readSourceFile } from './read-source';
import { walkSources } from './walk';

/** A prepared article waiting to be written. */
export interface PendingArticle {
  article: StoredArticle;
  doc: IndexDoc;
  path: string;
}

/** What the pipeline needs from the library. */
export interface ImportSink {
  /** The title of the article with this id already in the library, if any. */
  existingTitle(id: string): string | undefined;
  /** Writes a chunk durably; once it resolves those articles count as imported. */
  commit(chunk: PendingArticle[]): Promise<void>;
}

// A chunk is committed (one round of fsyncs) when it reaches either limit.
const CHUNK_ARTICLES = 64;
const CHUNK_BYTES = 8 * 1024 * 1024;

/** Imports sources one file at a time; a bad file fails alone, never the batch. */
export async function runImport(
  sources: ImportSource[],
  sink: ImportSink,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    imported: [],
    duplicates: [],
    failed: [],
    skipped: 0,
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
  const throttle = throttleProgress(options.onProgress);
  const seenInBatch = new Map<string, string>();
  let chunk: PendingArticle[] = [];
  let chunkBytes = 0;

  // One chunk is written (fsyncs: mostly waiting) while the next is read and parsed.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (chunk.length === 0) return;
    const committing = chunk;
    chunk = [];
    chunkBytes = 0;
    await writing;
    writing = commitChunk(committing);
  };
  const commitChunk = async (committing: PendingArticle[]) => {
    try {
      await sink.commit(committing);
    } catch (e) {
      // A write error (disk full, permissions) fails these files, not the batch.
      for (const p of committing) {
        seenInBatch.delete(p.article.record.id);
        summary.failed.push({
          path: p.path,
          reason: `could not be saved in the library: ${messageOf(e)}`,
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

  for await (const item of walkSources(sources)) {
    if (options.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    if (item.type === 'skipped') {
      summary.skipped++;
      continue;
    }
    progress.total++;
    const label = item.type === 'data' ? item.name : item.path;
    progress.current = label;
    const fail = (reason: string) => {
      summary.failed.push({ path: label, reason });
      progress.failed++;
      progress.done++;
    };
    if (item.type === 'failed') {
      fail(item.reason);
      throttle.report(progress);
      continue;
    }
    const read =
      item.type === 'data'
        ? { ok: true as const, bytes: item.data }
        : await readSourceFile(item.path);
    if (!read.ok) {
      fail(read.reason);
      throttle.report(progress);
      continue;
    }
    const id = articleIdOf(read.bytes);
    const earlier = seenInBatch.get(id) ?? sink.existingTitle(id);
    if (earlier !== undefined) {
      summary.duplicates.push({ path: label, id, title: earlier });
      progress.duplicates++;
      progress.done++;
      throttle.report(progress);
      continue;
    }
    let prepared: ReturnType<typeof prepareArticle>;
    try {
      prepared = prepareArticle(
        read.bytes,
        { name: item.name, path: item.type === 'file' ? item.path : null },
        new Date().toISOString(),
        id,
      );
    } catch (e) {
      prepared = { ok: false, reason: `could not be read as an article: ${messageOf(e)}` };
    }
    if (!prepared.ok) {
      fail(prepared.reason);
      throttle.report(progress);
      continue;
    }
    seenInBatch.set(id, prepared.article.record.title);
    chunk.push({ article: prepared.article, doc: prepared.doc, path: label });
    chunkBytes += read.bytes.length;
    if (chunk.length >= CHUNK_ARTICLES || chunkBytes >= CHUNK_BYTES) await flush();
    else throttle.report(progress);
  }
  await flush();
  await writing;
  throttle.final(progress);
  return summary;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
