// Files named on the command line, by open-with, or by a second launch. Chromium and
// Electron add their own switches to argv, so anything that looks like a flag is dropped.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute paths named in `argv` (resolved against `cwd`). `skip` is how many leading
 * entries are the program itself: 1 for a packaged app, 2 when run as `electron <app>`.
 */
export function pathsFromArgv(argv: readonly string[], cwd: string, skip = 1): string[] {
  const out: string[] = [];
  let afterDashDash = false;
  for (const raw of argv.slice(skip)) {
    if (typeof raw !== 'string' || raw.length === 0 || raw.includes('\0')) continue;
    if (!afterDashDash) {
      if (raw === '--') {
        afterDashDash = true;
        continue;
      }
      // Switches: --flag, --flag=value, -psn_0_123 (old macOS), /flag is a path on POSIX.
      if (raw.startsWith('-')) continue;
    }
    let path = raw;
    if (raw.startsWith('file://')) {
      try {
        path = fileURLToPath(raw);
      } catch {
        // A file: URL that names no local path (another host) is nothing to open.
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      continue; // other URLs (http://, archive-reader://) are not files
    }
    const abs = isAbsolute(path) ? resolve(path) : resolve(cwd, path);
    if (!out.includes(abs)) out.push(abs);
  }
  return out;
}

/** How many argv entries are the program: `electron <app>` in development adds one. */
export function argvSkip(defaultApp: boolean | undefined): number {
  return defaultApp ? 2 : 1;
}

/**
 * Holds paths that arrive before the app can import them (macOS open-file fires before
 * ready), then hands them over in order once a consumer is attached.
 */
export class PathQueue {
  private queued: string[] = [];
  private consumer: ((paths: string[]) => void) | null = null;

  /** Adds paths; delivers at once when a consumer is attached. */
  push(paths: string[]): void {
    if (paths.length === 0) return;
    if (this.consumer) this.consumer(paths);
    else this.queued.push(...paths);
  }

  /** Attaches the consumer and flushes anything queued. */
  attach(consumer: (paths: string[]) => void): void {
    this.consumer = consumer;
    const queued = this.queued;
    this.queued = [];
    if (queued.length > 0) consumer(queued);
  }
}
