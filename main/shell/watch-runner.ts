// Watching runs while the app has a library open: started for each library the session
// opens, its status forwarded to the page as watchStatus events, and ended by the engine's
// close (a switch or quit). Electron-free, so the wiring is tested.
import type { WatchStatus } from '../contract/watch';
import type { LibraryEngine } from '../core/engine';
import type { Logger } from './logger';

export interface WatchRunnerDeps {
  /** Sends the status to the page. */
  emit(status: WatchStatus): void;
  log: Pick<Logger, 'error'>;
  /** Wait before watching again after a failure (an engine worker restarted after a crash). */
  retryMs?: number;
}

/** Keeps the open library's folders watched. */
export class WatchRunner {
  private engine: LibraryEngine | null = null;

  constructor(private readonly deps: WatchRunnerDeps) {}

  /** Watches the folders of a library just opened; the previous library's watch ended with it. */
  start(engine: LibraryEngine): void {
    this.engine = engine;
    this.run(engine);
  }

  /** Forgets the library (it is being closed, which ends its watch). */
  stop(): void {
    this.engine = null;
  }

  private run(engine: LibraryEngine): void {
    engine
      .watchFolders({
        onStatus: (status) => {
          if (this.engine === engine) this.deps.emit(status);
        },
      })
      .catch((error: unknown) => {
        if (this.engine !== engine) return;
        this.deps.log.error('watch-failed', error);
        const timer = setTimeout(() => {
          if (this.engine === engine) this.run(engine);
        }, this.deps.retryMs ?? 5000);
        timer.unref?.();
      });
  }
}
