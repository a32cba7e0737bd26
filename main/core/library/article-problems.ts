// Article files this process could not read: those found at open (left out of the catalogue)
// and those that failed later, when the index read them (still listed, but not searchable).
import type { CatalogProblem } from '../store/catalog';

/** Unreadable article files, by path, for stats().problems and the reindex report. */
export class ArticleProblems {
  private readonly atOpen: CatalogProblem[];
  private readonly onRead = new Map<string, CatalogProblem>();

  constructor(atOpen: CatalogProblem[]) {
    this.atOpen = atOpen;
  }

  /** Notes a file that could not be read (the latest reason wins). */
  note(path: string, reason: string): void {
    this.onRead.set(path, { path, reason });
  }

  /** Forgets a file that has been read successfully since. */
  clear(path: string): void {
    this.onRead.delete(path);
  }

  /** Forgets the files that failed on read (a reindex reads them all again). */
  resetReads(): void {
    this.onRead.clear();
  }

  /** Every unreadable file, each once. */
  list(): CatalogProblem[] {
    const seen = new Set(this.atOpen.map((p) => p.path));
    return [...this.atOpen, ...[...this.onRead.values()].filter((p) => !seen.has(p.path))];
  }
}
