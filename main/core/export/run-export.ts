// Runs one export: stages the destination, writes each article in order with bounded memory,
// reports progress, stops on cancel, and puts the result in place only when it is complete.
import { resolve } from 'node:path';
import {
  SINGLE_FILE_FORMATS,
  type ExportFormat,
  type ExportProgress,
  type ExportResult,
} from '../../contract/export';
import { ArchiveError } from '../errors';
import type { ExportSource } from './export-article';
import { stageExport, writeFailure } from './export-target';
import { formatWriter } from './format-writer';

export interface ExportRunOptions {
  signal?: AbortSignal;
  /** Articles written of the total; at most every PROGRESS_MS, and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
  /** The time written in the JSON Lines header (tests fix it). */
  now?: () => Date;
}

const PROGRESS_MS = 100;

/** Writes the articles of `source` as `format` to `out`: whole, or nothing (cancel, failure). */
export async function runExport(
  format: ExportFormat,
  outPath: string,
  source: ExportSource,
  options: ExportRunOptions = {},
): Promise<ExportResult> {
  const out = resolve(outPath);
  const total = source.ids.length;
  const staging = await stageExport(out, SINGLE_FILE_FORMATS.includes(format) ? 'file' : 'folder');
  let writer;
  try {
    writer = await formatWriter(
      format,
      staging.temp,
      total,
      (options.now?.() ?? new Date()).toISOString(),
    );
  } catch (e) {
    await staging.discard();
    throw writeFailure(e, out);
  }
  let last = 0;
  try {
    for (let done = 0; done < total; done++) {
      if (options.signal?.aborted) {
        throw new ArchiveError('CANCELLED', 'The export was cancelled; nothing was written.');
      }
      await writer.add(await source.load(source.ids[done]!));
      const now = Date.now();
      if (options.onProgress && now - last >= PROGRESS_MS) {
        last = now;
        options.onProgress({ done: done + 1, total });
      }
    }
    await writer.finish();
    await staging.commit();
  } catch (e) {
    await writer.abandon();
    await staging.discard().catch(() => undefined);
    throw writeFailure(e, out);
  }
  options.onProgress?.({ done: total, total });
  return { exported: total, path: out };
}
