// importSources(): the import pipeline wired to the library's writer, catalogue and index.
import type { ImportOptions, LibraryChange } from '../engine';
import { ArchiveError } from '../errors';
import { isDiskFull } from '../store/disk-full';
import { parseWorkerBeside } from '../import/parse-pool';
import {
  CHUNK_ARTICLES,
  FIRST_CHUNK_ARTICLES,
  runImport,
  type ImportSink,
  type PendingArticle,
} from '../import/pipeline';
import { importWithExports } from '../import/jsonl-import';
import type { IndexDoc, PreparedDocs, SearchIndexApi } from '../search/types';
import type { Judging, QueryVerdicts } from '../search/query/query-judge';
import type { Catalog } from '../store/catalog';
import type { ImportedEntry, ImportSource, ImportSummary } from '../../contract/types';
import type { RecordWriter } from './record-writer';
import { GarbageGuard } from './garbage-guard';
import type { ImportTagging } from '../organise/rules-at-import';

// Index updates from an import are sent in batches of this many documents: a full chunk.
const INDEX_BATCH = CHUNK_ARTICLES;
// Batches being indexed while the import goes on (the index worker pool has two threads).
const MAX_PENDING = 4;

/**
 * A chunk's judging, its index build (null: the index could not build it first), and the
 * verdicts of its judging on a worker (undefined: none, the chunk is judged when written).
 */
interface Prepared {
  judging: Judging | null;
  built: Promise<PreparedDocs | null>;
  verdicts: Promise<readonly (QueryVerdicts | null)[] | undefined>;
}

/**
 * After an import of this many articles its idle index workers stop at once: each holds a few
 * hundred MB of heap, and what follows a large import (entity extraction, the first searches)
 * runs on other threads. Below it (a watched folder's batches of 256) they are kept for the
 * next batch, as starting one costs ~0.3 s.
 */
export const REST_AFTER_ARTICLES = 1024;

/** Imports sources; new documents reach the index in batches, not one at a time. */
export async function importInto(
  sources: ImportSource[],
  options: ImportOptions | undefined,
  deps: {
    catalog: Catalog;
    writer: RecordWriter;
    index: () => Promise<SearchIndexApi>;
    emit: (change: LibraryChange) => void;
    /** Sees each committed article's clean body, before its change is sent. */
    committed?: (docs: IndexDoc[]) => void;
    /** Tagging rules: each chunk gets its rule tags before it is written. */
    tagging?: Pick<ImportTagging, 'judging' | 'tag' | 'written' | 'done'>;
    /** The index worker script; the parse worker is built beside it. */
    workerScript?: string;
    workerExecArgv?: string[];
  },
): Promise<ImportSummary> {
  if (!Array.isArray(sources)) {
    throw new ArchiveError('BAD_ARGUMENT', 'Expected a list of files to import');
  }
  // Index builds overlap the import: a batch is handed to the index without waiting for
  // it, up to MAX_PENDING batches at a time, and the import returns once all are indexed.
  let docs: IndexDoc[] = [];
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const task = work
      .catch(() => {
        // The articles are safely stored; the index is a cache that reconciles on next open,
        // so an index failure must not turn imported files into failures.
      })
      .finally(() => pending.delete(task));
    pending.add(task);
  };
  const sendDocs = async () => {
    if (docs.length === 0) return;
    const batch = docs;
    docs = [];
    track(deps.index().then((index) => index.upsert(batch)));
    while (pending.size > MAX_PENDING) await Promise.race(pending);
  };
  // A full disk stops the import: every later file would fail the same way.
  const stop = new AbortController();
  let diskFull = false;
  const signal = options?.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const parseScript = deps.workerScript ? parseWorkerBeside(deps.workerScript) : null;
  // A full chunk is built into the index (and judged by the rules there) while the chunks
  // before it are written, and added to the index once written. Smaller ones (the first
  // chunks of an import, its last) are judged on an index worker without a build and reach
  // the index in batches of INDEX_BATCH afterwards, as does everything when the index cannot
  // build first: a small import makes the same segments as a reindex of it, and so ranks
  // alike. Should a worker fail, the chunk is judged here.
  let warmed = false;
  // Each chunk's texts, records and buffers are garbage once written (garbage-guard.ts).
  const garbage = new GarbageGuard();
  const prepare = (chunk: PendingArticle[]): Prepared => {
    if (!warmed && chunk.length >= FIRST_CHUNK_ARTICLES) {
      // An import of more than a handful of files: its index builds will run on a worker, and
      // one takes ~0.3 s to start (its modules). Started at its first chunk, it is ready when
      // the first full chunk comes, instead of starting then (a 10,000-article import's first
      // build was committed 200-400 ms sooner). A few files are indexed on this thread.
      warmed = true;
      void deps
        .index()
        .then((index) => index.warm?.())
        .catch(() => undefined);
    }
    const judging = deps.tagging?.judging(chunk) ?? null;
    const docs = chunk.map((p) => p.doc);
    if (chunk.length < INDEX_BATCH) {
      const verdicts = judging
        ? deps
            .index()
            .then((index) => index.judge?.(docs, judging))
            .catch(() => undefined)
        : Promise.resolve(undefined);
      return { judging, built: Promise.resolve(null), verdicts };
    }
    const built = deps
      .index()
      .then((index) => index.prepare?.(docs, judging ?? undefined) ?? null)
      .catch(() => null);
    return { judging, built, verdicts: built.then((b) => b?.verdicts) };
  };
  const sink: ImportSink<Prepared> = {
    existingTitle: (id) => deps.catalog.records.get(id)?.title,
    prepare,
    commit: async (chunk: PendingArticle[], prepared = prepare(chunk)) => {
      const built = await prepared.built;
      try {
        // Decided before the write, so that each article file is written once, with its tags.
        deps.tagging?.tag(chunk, prepared.judging, await prepared.verdicts);
        let fresh: PendingArticle[];
        try {
          fresh = await deps.writer.commitImport(chunk);
        } catch (e) {
          if (isDiskFull(e)) {
            diskFull = true;
            stop.abort();
          }
          throw e;
        }
        if (fresh.length === 0) return;
        deps.tagging?.written(fresh);
        deps.committed?.(fresh.map((p) => p.doc));
        deps.emit({ reason: 'import', ids: fresh.map((p) => p.doc.id) });
        if (built) {
          // Articles written before this chunk reach the index no later than it does.
          await sendDocs();
          track(built.publish(fresh.map((p) => p.doc.id)));
          return;
        }
        docs.push(...fresh.map((p) => p.doc));
        if (docs.length >= INDEX_BATCH) await sendDocs();
      } finally {
        // A build not published (nothing written) is dropped; after publish this does nothing.
        built?.discard();
        garbage.check();
      }
    },
  };

  // JSON Lines exports among the sources are restored by their own reader (jsonl-import.ts).
  const summary = await importWithExports(sources, sink, { ...options, signal }, (rest, opts) =>
    runImport(
      rest,
      sink,
      opts,
      parseScript ? { script: parseScript, execArgv: deps.workerExecArgv } : undefined,
    ),
  );
  deps.tagging?.done();
  await sendDocs();
  await Promise.all(pending);
  if (summary.imported.length >= REST_AFTER_ARTICLES) {
    void deps
      .index()
      .then((index) => index.rest?.())
      .catch(() => undefined);
  }
  if (!diskFull) await restoreTrashed(summary, deps.catalog, deps.writer);
  if (diskFull) {
    const n = summary.imported.length;
    throw new ArchiveError(
      'DISK_FULL',
      `The disk is full: ${n.toLocaleString('en')} ${n === 1 ? 'article was' : 'articles were'} imported and kept; nothing else was changed.`,
    );
  }
  return summary;
}

/**
 * Takes out of the trash the articles whose files were imported again: they are reported in
 * `restored` instead of `duplicates` (a second copy of the same file in the batch stays a
 * duplicate).
 */
async function restoreTrashed(
  summary: ImportSummary,
  catalog: Catalog,
  writer: RecordWriter,
): Promise<void> {
  const restored: ImportedEntry[] = [];
  const seen = new Set<string>();
  summary.duplicates = summary.duplicates.filter((d) => {
    if (seen.has(d.id) || !catalog.records.get(d.id)?.trashedAt) return true;
    seen.add(d.id);
    restored.push({ id: d.id, title: d.title, path: d.path });
    return false;
  });
  if (restored.length === 0) return;
  await writer.update(
    restored.map((r) => r.id),
    (r) => (r.trashedAt ? { trashedAt: null } : null),
    'trash',
  );
  summary.restored = restored;
}
