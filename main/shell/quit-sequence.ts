// Quitting without losing anything: the first quit request is held until the library is
// closed (imports cancelled, engine worker shut down, lock released), then the app quits for
// real. Electron-free: the app's quit and the close come in as functions.
import type { Logger } from './logger';

export interface QuitSequenceDeps {
  /** Closes the library; a failure is logged and the quit goes on. */
  close(): Promise<void>;
  /** Quits for real (app.quit); before-quit fires again and is let through. */
  quit(): void;
  log: Pick<Logger, 'info' | 'error'>;
}

/** The before-quit handler: hold, close, quit. */
export class QuitSequence {
  private state: 'running' | 'closing' | 'closed' = 'running';

  constructor(private readonly deps: QuitSequenceDeps) {}

  /** For app 'before-quit'. Quit requests made while the library closes wait for it too. */
  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.state === 'closed') return;
    event.preventDefault();
    if (this.state === 'closing') return;
    this.state = 'closing';
    void this.deps
      .close()
      .catch((e: unknown) => this.deps.log.error('close-failed', e))
      .finally(() => {
        this.state = 'closed';
        this.deps.log.info('quit');
        this.deps.quit();
      });
  }

  /** Quits at once: nothing was opened that needs closing (the user chose Quit at startup). */
  quitNow(): void {
    this.state = 'closed';
    this.deps.quit();
  }
}

/** window-all-closed: quit, except on macOS where apps stay open without windows. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
