// Files that reach the app outside the page: named at launch, by a second launch, by macOS
// open-file, or picked in Import Files… / Import Folder…. Each becomes a path grant and is
// imported through the same importPaths handler the page uses (so progress reaches the
// window); files that arrive before the window has loaded wait in a queue.
import { z } from 'zod';
import type { ApiResponse } from '../contract/api-contract';
import type { PathGrants } from '../api/path-grants';
import { argvSkip, PathQueue, pathsFromArgv } from './argv';
import type { Logger } from './logger';

export interface FileIntakeDeps {
  grants: Pick<PathGrants, 'grantAll'>;
  /** Runs importPaths through the handler table. */
  importPaths(args: { importId: string; paths: string[] }): Promise<ApiResponse<unknown>>;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Tells the user an import did not run. */
  warn(message: string, detail: string): void;
}

// Only the counts are logged (never paths or titles), so only they are read.
const summaryCounts = z.object({
  imported: z.array(z.unknown()),
  duplicates: z.array(z.unknown()),
  failed: z.array(z.unknown()),
  cancelled: z.boolean(),
});

/** Grants and imports the files handed to the app, in the order they arrived. */
export class FileIntake {
  private readonly pending = new PathQueue();
  private importSeq = 0;

  constructor(private readonly deps: FileIntakeDeps) {}

  /** Paths from argv, open-with or open-file: granted now, imported once the window is ready. */
  receive(paths: string[]): void {
    this.deps.grants.grantAll(paths);
    this.pending.push(paths);
  }

  /** The files named in a (first or second) launch's argv, relative to its working directory. */
  receiveArgv(argv: readonly string[], cwd: string, defaultApp: boolean | undefined): void {
    this.receive(pathsFromArgv(argv, cwd, argvSkip(defaultApp)));
  }

  /** The window has loaded: what waited is imported, and later arrivals at once. */
  windowReady(): void {
    this.pending.attach((paths) => void this.importGranted(paths));
  }

  /** Imports paths the user handed over outside the page (dialogs, argv, open-with). */
  async importGranted(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    this.deps.grants.grantAll(paths);
    const importId = `main-${++this.importSeq}`;
    const started = Date.now();
    const r = await this.deps.importPaths({ importId, paths });
    if (!r.ok) {
      this.deps.log.warn('import-failed', { code: r.error.code });
      this.deps.warn('Import failed', r.error.message);
      return;
    }
    const counts = summaryCounts.safeParse(r.value);
    this.deps.log.info(
      'import',
      counts.success
        ? {
            imported: counts.data.imported.length,
            duplicates: counts.data.duplicates.length,
            failed: counts.data.failed.length,
            cancelled: counts.data.cancelled,
            ms: Date.now() - started,
          }
        : { ms: Date.now() - started },
    );
  }
}
