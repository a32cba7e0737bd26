// Importing a JSON Lines export (docs/export.md): recognised by its first line's format marker,
// whatever the file is called; every later line is checked with the contract's schema and
// restores one article whole (same id, text, tags, state, dates and highlights) or fails alone
// with its line number.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import {
  JSONL_EXPORT_MARKER,
  JSONL_EXPORT_VERSION,
  jsonlHeaderSchema,
  jsonlRecordSchema,
  type JsonlRecord,
} from '../../contract/export';
import { errorMessage } from '../../contract/error-message';
import { articleOfHighlight } from '../../contract/highlights';
import type { ImportProgress, ImportSource, ImportSummary } from '../../contract/types';
import type { ImportOptions } from '../engine';
import type { ArticleRecord } from '../store/article-file';
import type { ImportSink, PendingArticle } from './pipeline';
import { articleIdOf, prepareArticle } from './prepare-article';
import { describeStatError } from './walk';

// Bytes of the start of a file read to look for the marker: the header line is short.
const SNIFF_BYTES = 512;
// Restored articles are committed in chunks of this many (as the pipeline's chunks).
const CHUNK_ARTICLES = 256;

/** True when `head` (the first bytes of a file) opens with a JSON Lines export's header. */
export function startsLikeJsonlExport(head: Uint8Array): boolean {
  const text = Buffer.from(head)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  // The marker is the header's first field; a cheap test that never parses a whole file.
  return new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${JSONL_EXPORT_MARKER}"`).test(text);
}

/** True when the source is a JSON Lines export (a file named, or contents handed over). */
export async function isJsonlExport(source: ImportSource): Promise<boolean> {
  if ('data' in source) return startsLikeJsonlExport(source.data.subarray(0, SNIFF_BYTES));
  let handle;
  try {
    const info = await stat(source.path);
    if (!info.isFile()) return false;
    handle = await open(source.path, 'r');
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return startsLikeJsonlExport(head.subarray(0, bytesRead));
  } catch {
    // Unreadable: left to the ordinary import, which reports why.
    return false;
  } finally {
    await handle?.close();
  }
}

/** The outcome of one article line. */
export type LineOutcome = { ok: true; pending: PendingArticle } | { ok: false; reason: string };

/**
 * Checks one article line and prepares the article it restores: the original bytes must hash
 * to the id, the text is parsed as any import parses it, and the person's state is put back.
 */
export function restoreLine(text: string, label: string, importedNow: string): LineOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  const parsed = jsonlRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'the record';
    return { ok: false, reason: `${field} ${issue?.message ?? 'is not valid'}` };
  }
  const r = parsed.data;
  const stray = r.highlights.findIndex((h) => articleOfHighlight(h.id) !== r.id);
  if (stray >= 0) {
    return { ok: false, reason: `highlights.${stray}.id belongs to another article` };
  }
  const bytes = new Uint8Array(Buffer.from(r.originalBase64, 'base64'));
  if (articleIdOf(bytes) !== r.id) {
    return { ok: false, reason: `the original text does not match the id ${r.id}` };
  }
  const prepared = prepareArticle(
    bytes,
    { name: r.sourceName, path: r.sourcePath, folder: r.sourceFolder ?? null },
    r.importedAt || importedNow,
    r.id,
  );
  if (!prepared.ok) return { ok: false, reason: prepared.reason };
  const record: ArticleRecord = { ...prepared.article.record, ...personalState(r) };
  const doc = {
    ...prepared.doc,
    tags: [...record.tags],
    ...(record.highlights?.length
      ? {
          notes: record.highlights.map((h) => h.note).filter((n) => n.trim() !== ''),
          highlights: record.highlights.map((h) => h.selector[0].exact),
        }
      : {}),
  };
  return { ok: true, pending: { article: { record, original: bytes }, doc, path: label } };
}

/** What the person made of the article (everything else is derived from its text again). */
function personalState(r: JsonlRecord): Partial<ArticleRecord> {
  return {
    tags: r.tags,
    read: r.read,
    favourite: r.favourite,
    position: r.position,
    trashedAt: r.trashedAt,
    collection: r.collection ?? null,
    ...(r.highlights.length > 0 ? { highlights: r.highlights } : {}),
  };
}

/** Lines of a source, numbered from 1. */
async function* numberedLines(source: ImportSource): AsyncGenerator<[number, string]> {
  const input =
    'data' in source ? Readable.from([Buffer.from(source.data)]) : createReadStream(source.path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) yield [++n, n === 1 ? line.replace(/^\ufeff/, '') : line];
}

/**
 * Imports JSON Lines exports through the pipeline's sink: each good line is one article,
 * each bad line a failure "FILE line N: reason"; an id already there is a duplicate.
 */
export async function importJsonlExports(
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
  const report = () => options.onProgress?.({ ...progress });
  const seen = new Set<string>();
  const importedNow = new Date().toISOString();
  let chunk: PendingArticle[] = [];
  const flush = async () => {
    const committing = chunk;
    chunk = [];
    if (committing.length === 0) return;
    try {
      await sink.commit(committing);
    } catch (e) {
      // A write error fails these articles, not the lines already restored.
      for (const p of committing) {
        seen.delete(p.article.record.id);
        summary.failed.push({
          path: p.path,
          reason: `could not be saved in the library: ${errorMessage(e)}`,
        });
      }
      progress.failed += committing.length;
      progress.done += committing.length;
      report();
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
    report();
  };
  for (const source of sources) {
    const file = 'data' in source ? source.name : resolve(source.path);
    const name = 'data' in source ? source.name : basename(file);
    try {
      for await (const [n, text] of numberedLines(source)) {
        if (options.signal?.aborted) {
          summary.cancelled = true;
          break;
        }
        const label = `${file} line ${n}`;
        if (n === 1) {
          const problem = headerProblem(text);
          if (problem !== null) {
            summary.failed.push({ path: file, reason: problem });
            progress.failed++;
            break;
          }
          continue;
        }
        if (text.trim() === '') continue;
        progress.total++;
        progress.current = `${name} line ${n}`;
        const outcome = restoreLine(text, label, importedNow);
        if (!outcome.ok) {
          summary.failed.push({ path: label, reason: outcome.reason });
          progress.failed++;
          progress.done++;
          report();
          continue;
        }
        const { record } = outcome.pending.article;
        const earlier = seen.has(record.id) ? record.title : sink.existingTitle(record.id);
        if (earlier !== undefined) {
          summary.duplicates.push({ path: label, id: record.id, title: earlier });
          progress.duplicates++;
          progress.done++;
          report();
          continue;
        }
        seen.add(record.id);
        chunk.push(outcome.pending);
        if (chunk.length >= CHUNK_ARTICLES) await flush();
      }
    } catch (e) {
      summary.failed.push({ path: file, reason: describeStatError(e) });
      progress.failed++;
    }
    await flush();
    if (summary.cancelled) break;
  }
  await flush();
  report();
  return summary;
}

/** Why the first line is not a header this version reads, or null when it is. */
function headerProblem(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'line 1: the export header is not valid JSON';
  }
  const header = jsonlHeaderSchema.safeParse(json);
  if (!header.success) return 'line 1: not an Archive Reader export header';
  if (header.data.version > JSONL_EXPORT_VERSION) {
    return `line 1: export format version ${header.data.version} is newer than this version of Archive Reader reads (${JSONL_EXPORT_VERSION}); update the app`;
  }
  return null;
}

/**
 * Runs an import whose sources may include JSON Lines exports: those are restored first, then
 * `run` imports the rest; the two summaries and progress counts are added together.
 */
export async function importWithExports(
  sources: ImportSource[],
  sink: ImportSink,
  options: ImportOptions,
  run: (rest: ImportSource[], options: ImportOptions) => Promise<ImportSummary>,
): Promise<ImportSummary> {
  const exports: ImportSource[] = [];
  const rest: ImportSource[] = [];
  for (const source of sources) ((await isJsonlExport(source)) ? exports : rest).push(source);
  if (exports.length === 0) return run(rest, options);
  const last: { progress: ImportProgress | null } = { progress: null };
  const first = await importJsonlExports(exports, sink, {
    ...options,
    onProgress: (p) => {
      last.progress = p;
      options.onProgress?.(p);
    },
  });
  if (first.cancelled || rest.length === 0) return first;
  const base = last.progress;
  const listener = options.onProgress;
  const second = await run(rest, {
    ...options,
    onProgress:
      listener &&
      ((p) =>
        listener(
          base
            ? {
                done: p.done + base.done,
                total: p.total + base.total,
                current: p.current,
                imported: p.imported + base.imported,
                duplicates: p.duplicates + base.duplicates,
                failed: p.failed + base.failed,
              }
            : p,
        )),
  });
  return {
    ...second,
    imported: [...first.imported, ...second.imported],
    duplicates: [...first.duplicates, ...second.duplicates],
    failed: [...first.failed, ...second.failed],
    skipped: first.skipped + second.skipped,
  };
}
