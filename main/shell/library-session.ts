// The open library of the running app: which folder it is, opening it at startup (asking the
// user what to do when that fails), switching with Choose Library…, and closing it on quit.
// Electron-free: dialogs and the engine worker come in as functions, so the flows are tested.
import type { EngineSlot } from '../api/engine-slot';
import type { ImportRegistry } from '../api/import-registry';
import type { PathGrants } from '../api/path-grants';
import type { ApiEvent, ApiEvents } from '../contract/api-contract';
import { errorMessage } from '../contract/error-message';
import type { LibraryEngine } from '../core/engine';
import { isArchiveError } from '../core/errors';
import { openFailureDialog, type OpenFailureChoice, type OpenFailureDialog } from './error-dialogs';
import type { Logger } from './logger';

export interface LibrarySessionDeps {
  slot: EngineSlot;
  grants: Pick<PathGrants, 'grant'>;
  imports: Pick<ImportRegistry, 'cancelAll'>;
  emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;
  log: Pick<Logger, 'error'>;
  /** Opens a library folder in the engine worker; rejects with the engine's error. */
  open(dir: string): Promise<LibraryEngine>;
  /** Shows why the library did not open and returns the way forward the user picked. */
  askAfterFailure(dialog: OpenFailureDialog): Promise<OpenFailureChoice>;
  /** Asks for a library folder; null when cancelled. */
  pickDir(): Promise<string | null>;
  /** Tells the user something did not work (a one-line message and the detail). */
  warn(message: string, detail: string): Promise<void>;
  /** Remembers the chosen folder for the next start (and for the CLI). */
  saveChoice(dir: string): Promise<void>;
  /** Watches the open library's watched folders (watch-runner.ts). */
  watch?: { start(engine: LibraryEngine): void; stop(): void };
}

/** The library the app has open, and the ways to open, switch and close it. */
export class LibrarySession {
  private current: string;

  constructor(
    private readonly deps: LibrarySessionDeps,
    initialDir: string,
  ) {
    this.current = initialDir;
  }

  /** The folder of the open library (or the one about to be opened). */
  get dir(): string {
    return this.current;
  }

  /**
   * Opens the startup library; on failure asks Retry / Choose Another Library… / Quit until
   * one opens. Resolves false when the user chose Quit.
   */
  async openAtStart(): Promise<boolean> {
    for (;;) {
      try {
        const engine = await this.deps.open(this.current);
        await this.install(engine, this.current);
        return true;
      } catch (error) {
        const code = isArchiveError(error) ? error.code : undefined;
        this.deps.log.error('library-open-failed', error, { code: code ?? 'INTERNAL' });
        const choice = await this.deps.askAfterFailure(
          openFailureDialog(code, errorMessage(error), this.current),
        );
        if (choice === 'quit') return false;
        if (choice === 'choose') this.current = (await this.deps.pickDir()) ?? this.current;
      }
    }
  }

  /** File → Choose Library…: opens the picked folder; on failure the current one stays open. */
  async choose(): Promise<void> {
    const dir = await this.deps.pickDir();
    if (!dir) return;
    await this.switchTo(dir);
  }

  /** Opens the library at `dir` (Choose Library…, a restored backup); the current one stays on failure. */
  async switchTo(dir: string): Promise<void> {
    if (dir === this.current) return;
    let engine: LibraryEngine;
    try {
      engine = await this.deps.open(dir);
    } catch (error) {
      this.deps.log.error('switch-failed', error);
      await this.deps.warn('That library could not be opened.', errorMessage(error));
      return;
    }
    this.deps.imports.cancelAll();
    await this.install(engine, dir);
    void this.announceIndex();
    try {
      await this.deps.saveChoice(dir);
    } catch (error) {
      this.deps.log.error('save-choice-failed', error);
      await this.deps.warn(
        'The library is open, but it could not be remembered for the next start.',
        errorMessage(error),
      );
    }
  }

  /** Tells the page how big the index is, once a library is open. */
  async announceIndex(): Promise<void> {
    const engine = this.deps.slot.peek();
    if (!engine) return;
    try {
      const s = await engine.stats();
      this.deps.emit('indexReady', { documents: s.index.documents, segments: s.index.segments });
    } catch (error) {
      // The renderer asks for stats itself; this is only a nudge, so a failure is just logged.
      this.deps.log.error('announce-index-failed', error);
    }
  }

  /** Cancels imports and closes the library (on quit). */
  async close(): Promise<void> {
    this.deps.imports.cancelAll();
    this.deps.watch?.stop();
    await this.deps.slot.clear();
  }

  private async install(engine: LibraryEngine, dir: string): Promise<void> {
    await this.deps.slot.set(engine);
    this.deps.watch?.start(engine);
    this.current = dir;
    this.deps.grants.grant(dir);
  }
}
