// The one list of worker entry files. The build makes `out/main/<name>.js` of each; code that
// starts a worker finds its script here, in the same form (built or source) as its caller.
import { basename, dirname, join, sep } from 'node:path';

/** Build name -> source file (relative to the repository root, with forward slashes). */
export const WORKER_ENTRIES = {
  /** Builds, merges and loads index segments. */
  'index-worker': 'main/core/search/workers/worker.ts',
  /** Import decoding and parsing; found beside the index worker. */
  'parse-worker': 'main/core/import/parse-worker.ts',
  /** Reindex: decoding, cleaning, signatures and entities of articles read once. */
  'reindex-worker': 'main/core/library/reindex-worker.ts',
  /** The engine, so the main process never blocks on imports. */
  'engine-host': 'main/core/host/engine-worker.ts',
} as const;

export type WorkerEntry = keyof typeof WORKER_ENTRIES;

const ENTRY_NAMES = Object.keys(WORKER_ENTRIES) as WorkerEntry[];

/** The built script of a worker in the folder of the built main-side scripts (out/main). */
export function builtWorkerScript(mainDir: string, entry: WorkerEntry): string {
  return join(mainDir, `${entry}.js`);
}

/** The TypeScript source of a worker under the repository root (run with tsx). */
export function sourceWorkerScript(repoRoot: string, entry: WorkerEntry): string {
  return join(repoRoot, ...WORKER_ENTRIES[entry].split('/'));
}

/**
 * The script of `entry` in the same form as `script`, another worker's built or source
 * script; null when `script` is not one of the listed workers.
 */
export function workerBeside(script: string, entry: WorkerEntry): string | null {
  const name = basename(script);
  for (const known of ENTRY_NAMES) {
    if (name === `${known}.js`) return builtWorkerScript(dirname(script), entry);
    const source = join(...WORKER_ENTRIES[known].split('/'));
    if (script.endsWith(sep + source)) {
      return sourceWorkerScript(script.slice(0, -(source.length + 1)), entry);
    }
  }
  return null;
}
