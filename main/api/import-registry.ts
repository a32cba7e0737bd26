// Running imports by importId, so cancelImport can abort the right one. The renderer picks
// the ids; a second import under an id still running is refused rather than merged.
import { ArchiveError } from '../core/errors';

/** AbortControllers of the imports in flight, keyed by importId. */
export class ImportRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Registers an import; BAD_ARGUMENT when the id is already running. */
  start(importId: string): AbortController {
    if (this.running.has(importId)) {
      throw new ArchiveError('BAD_ARGUMENT', `An import with id ${importId} is already running.`);
    }
    const controller = new AbortController();
    this.running.set(importId, controller);
    return controller;
  }

  /** Forgets an import once it has finished. */
  finish(importId: string, controller: AbortController): void {
    if (this.running.get(importId) === controller) this.running.delete(importId);
  }

  /** Aborts a running import; false when none runs under that id. */
  cancel(importId: string): boolean {
    const controller = this.running.get(importId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Aborts every running import (library switch, quit). */
  cancelAll(): number {
    for (const c of this.running.values()) c.abort();
    return this.running.size;
  }

  get size(): number {
    return this.running.size;
  }
}
