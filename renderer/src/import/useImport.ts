// Runs one import at a time: paths when Electron can give them, contents otherwise, sent
// in batches so a huge drop is never read into memory at once. Progress comes from
// importProgress events filtered by the batch's importId.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../../main/contract/types';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import type { PickedFile } from './collect-dropped';

export interface ImportState {
  phase: 'running' | 'done';
  done: number;
  total: number;
  current: string;
  summary: ImportSummary;
  /** A failure of the whole call (not of single files). */
  error?: string;
}

const BATCH_FILES = 400;
const BATCH_BYTES = 16 * 1024 * 1024;

const emptySummary = (): ImportSummary => ({
  imported: [],
  duplicates: [],
  failed: [],
  skipped: 0,
  cancelled: false,
});

function merge(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    imported: [...a.imported, ...b.imported],
    duplicates: [...a.duplicates, ...b.duplicates],
    restored: [...(a.restored ?? []), ...(b.restored ?? [])],
    failed: [...a.failed, ...b.failed],
    skipped: a.skipped + b.skipped,
    cancelled: a.cancelled || b.cancelled,
  };
}

function batches(files: PickedFile[]): PickedFile[][] {
  const out: PickedFile[][] = [];
  let batch: PickedFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length >= BATCH_FILES || (batch.length > 0 && bytes + f.file.size > BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.file.size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

const newId = (): string =>
  (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9-]/g, '');

/** The one import at a time: its progress, its summary, and Cancel. */
export function useImport() {
  const [state, setState] = useState<ImportState | null>(null);
  const running = useRef<{ id: string; offset: number; cancelled: boolean } | null>(null);

  useEffect(
    () =>
      getClient().on('importProgress', (p) => {
        const run = running.current;
        if (!run || p.importId !== run.id) return;
        setState((s) =>
          s && s.phase === 'running'
            ? {
                ...s,
                done: run.offset + p.done,
                total: Math.max(s.total, run.offset + p.total),
                current: p.current,
              }
            : s,
        );
      }),
    [],
  );

  const runBatches = useCallback(
    async (
      total: number,
      skipped: number,
      steps: ((id: string) => Promise<ImportSummary>)[],
    ): Promise<ImportSummary | null> => {
      if (running.current) return null;
      let summary = { ...emptySummary(), skipped };
      setState({ phase: 'running', done: 0, total, current: '', summary });
      let offset = 0;
      let error: string | undefined;
      try {
        for (const step of steps) {
          const previous: { cancelled: boolean } | null = running.current;
          const run: { id: string; offset: number; cancelled: boolean } = {
            id: newId(),
            offset,
            cancelled: previous?.cancelled ?? false,
          };
          if (run.cancelled) {
            summary.cancelled = true;
            break;
          }
          running.current = run;
          const part = await step(run.id);
          summary = merge(summary, part);
          offset += part.imported.length + part.duplicates.length + part.failed.length;
          setState((s) => s && { ...s, done: offset, summary });
          if (part.cancelled || running.current?.cancelled) {
            summary.cancelled = true;
            break;
          }
        }
      } catch (e) {
        error = errorMessage(e);
      } finally {
        running.current = null;
      }
      setState((s) => ({
        phase: 'done',
        done: offset,
        total: Math.max(offset, s?.total ?? 0),
        current: '',
        summary,
        ...(error ? { error } : {}),
      }));
      return error ? null : summary;
    },
    [],
  );

  const importFiles = useCallback(
    (files: PickedFile[], skipped = 0) => {
      const api = getClient();
      const steps: ((id: string) => Promise<ImportSummary>)[] = [];
      let contents = files;
      if (api.native) {
        const paths = api.pathsForFiles(files.map((f) => f.file));
        const withPath = paths.filter((p) => p !== '');
        contents = files.filter((_f, i) => paths[i] === '');
        if (withPath.length > 0) {
          steps.push((importId) => api.call('importPaths', { importId, paths: withPath }));
        }
      }
      for (const batch of batches(contents)) {
        steps.push(async (importId) => {
          const data = await Promise.all(
            batch.map(async (f) => ({
              name: f.name,
              data: new Uint8Array(await f.file.arrayBuffer()),
            })),
          );
          return api.call('importContents', { importId, files: data });
        });
      }
      if (steps.length === 0) return;
      void runBatches(files.length, skipped, steps);
    },
    [runBatches],
  );

  /** Imports the bundled samples; resolves to the summary (null when it failed or was busy). */
  const importSample = useCallback(
    () => runBatches(1, 0, [(importId) => getClient().call('importSample', { importId })]),
    [runBatches],
  );

  const cancel = useCallback(() => {
    const run = running.current;
    if (!run) return;
    run.cancelled = true;
    void getClient()
      .call('cancelImport', { importId: run.id })
      // Nothing to tell: the flag above already stops the batches still to come, and the
      // summary says what was imported before the cancel took hold.
      .catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setState((s) => (s?.phase === 'done' ? null : s)), []);

  return { state, importFiles, importSample, cancel, dismiss };
}
