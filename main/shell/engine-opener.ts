// Opens a library in the engine worker (what to do when that fails is library-session.ts).
import { openRemoteEngine } from '../core/host/remote-engine';
import { builtWorkerScript } from '../core/workers/worker-entries';
import type { LibraryEngine } from '../core/engine';
import type { Logger } from './logger';

export interface OpenerOptions {
  /** Folder holding the built main-side scripts (out/main). */
  mainDir: string;
  log: Logger;
  onIndexProgress?: (p: { done: number; total: number }) => void;
}

/** Opens `dir` in a worker thread; rejects with the engine's error. */
export function openRemote(dir: string, o: OpenerOptions): Promise<LibraryEngine> {
  const started = Date.now();
  return openRemoteEngine(dir, {
    hostScript: builtWorkerScript(o.mainDir, 'engine-host'),
    workerScript: builtWorkerScript(o.mainDir, 'index-worker'),
    ...(o.onIndexProgress ? { onIndexProgress: o.onIndexProgress } : {}),
    onRestart: ({ cause, exitCode, error }) =>
      error
        ? o.log.error('engine-restart-failed', error, { cause, exitCode })
        : o.log.info('engine-restarted', { cause, exitCode }),
  }).then((engine) => {
    o.log.info('library-open', { ms: Date.now() - started });
    return engine;
  });
}
