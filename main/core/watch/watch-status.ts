// The watcher's status as the status line shows it: counts, the last batch worth telling and a
// few recent problems.
import type { WatchBatch, WatchProblem, WatchStatus } from '../../contract/watch';

// Problems kept for the status (newest last).
const PROBLEMS = 5;

/** The parts of the status that only the watcher's loop knows at a given moment. */
export interface LiveCounts {
  running: boolean;
  folders: number;
  watching: number;
  catchingUp: boolean;
  pending: number;
}

/** Accumulates what the status tells beyond the live counts. */
export class WatchStatusBoard {
  private imported = 0;
  private last: WatchBatch | null = null;
  private readonly problems: WatchProblem[] = [];

  /** Counts a finished batch; one that changed nothing (all duplicates) is not shown. */
  batch(batch: WatchBatch): void {
    this.imported += batch.imported;
    if (batch.imported + batch.restored + batch.failed > 0) this.last = batch;
  }

  /** Keeps a problem (the same path and message once, moved to the end). */
  problem(problem: WatchProblem): void {
    const same = this.problems.findIndex(
      (p) => p.path === problem.path && p.message === problem.message,
    );
    if (same >= 0) this.problems.splice(same, 1);
    this.problems.push(problem);
    if (this.problems.length > PROBLEMS) this.problems.shift();
  }

  /** Forgets the problems of a path and what lies under it (it is fine again, or removed). */
  clearProblems(isAffected: (path: string) => boolean): void {
    for (let i = this.problems.length - 1; i >= 0; i--) {
      if (isAffected(this.problems[i]!.path)) this.problems.splice(i, 1);
    }
  }

  /** Starts counting afresh (a new run). */
  reset(): void {
    this.imported = 0;
    this.last = null;
    this.problems.length = 0;
  }

  /** The status with these live counts. */
  status(live: LiveCounts): WatchStatus {
    return {
      ...live,
      importedSinceStart: this.imported,
      lastBatch: this.last,
      problems: [...this.problems],
    };
  }
}
