// Opens the library for one command: readers without the lock, writers with it, and
// the index worker that matches how the CLI itself is running (built JS or TS source).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LibraryEngine, OpenOptions } from '../core/engine';
import { Library } from '../core/library';
import { builtWorkerScript, sourceWorkerScript } from '../core/workers/worker-entries';
import type { LeanOpen } from './lean-open';
import { libraryDirOf } from './library-dir';

/** Worker script and loader arguments for the index worker, when one is available. */
export function workerOptions(
  moduleFile: string = __filename,
): Pick<OpenOptions, 'workerScript' | 'workerExecArgv'> {
  const dir = resolve(moduleFile, '..');
  if (moduleFile.endsWith('.ts')) {
    // Running from source (tests, tsx): this file is main/cli/open.ts; give the engine the
    // TS worker and the loader.
    const script = sourceWorkerScript(resolve(dir, '..', '..'), 'index-worker');
    if (!existsSync(script)) return {};
    // An absolute loader URL, so the worker finds tsx whatever the working directory is.
    const loader = pathToFileURL(require.resolve('tsx')).href;
    return { workerScript: script, workerExecArgv: ['--import', loader] };
  }
  // Loaded on demand, this module may be built into a chunk one folder below the entries.
  for (const mainDir of [dir, resolve(dir, '..')]) {
    const built = builtWorkerScript(mainDir, 'index-worker');
    if (existsSync(built)) return { workerScript: built };
  }
  return {};
}

export interface OpenRequest {
  libraryFlag?: string;
  env: Record<string, string | undefined>;
  readOnly: boolean;
  onIndexProgress?: OpenOptions['onIndexProgress'];
  /** What a command that never uses them can do without (see lean-open.ts). */
  lean?: LeanOpen;
}

/** Opens the library chosen by --library, $ARCHIVE_READER_LIBRARY, the app's choice or the default. */
export async function openLibrary(request: OpenRequest): Promise<LibraryEngine> {
  const dir = libraryDirOf(request);
  const { indexWorkers = true, ...lean } = request.lean ?? {};
  return Library.open(dir, {
    readOnly: request.readOnly,
    ...(indexWorkers ? workerOptions() : {}),
    ...lean,
    ...(request.onIndexProgress ? { onIndexProgress: request.onIndexProgress } : {}),
  });
}
