// The one open library, replaceable at runtime (Choose Library…). Holding it here keeps the
// handler table ignorant of switching: handlers call getEngine() on every call, and the slot
// forwards the current engine's changes as libraryChanged events.
import { ArchiveError } from '../core/errors';
import type { LibraryEngine } from '../core/engine';
import type { ApiEvent, ApiEvents } from '../contract/api-contract';

export type Emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

/** Holds the open engine and forwards its onChange events to `emit`. */
export class EngineSlot {
  private engine: LibraryEngine | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly emit: Emit) {}

  /** The open engine; IO error when no library is open (e.g. while switching). */
  get(): LibraryEngine {
    if (!this.engine) throw new ArchiveError('IO', 'No library is open at the moment.');
    return this.engine;
  }

  /** The open engine, or null. */
  peek(): LibraryEngine | null {
    return this.engine;
  }

  /** Installs an engine, closing the previous one; emits libraryChanged 'switch' on a switch. */
  async set(engine: LibraryEngine): Promise<void> {
    const previous = this.engine;
    await this.clear();
    this.engine = engine;
    this.unsubscribe = engine.onChange((change) => {
      this.emit(
        'libraryChanged',
        change.ids ? { reason: change.reason, ids: change.ids } : { reason: change.reason },
      );
    });
    if (previous) this.emit('libraryChanged', { reason: 'switch' });
  }

  /** Closes and forgets the open engine. */
  async clear(): Promise<void> {
    const engine = this.engine;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.engine = null;
    if (engine) await engine.close();
  }
}
