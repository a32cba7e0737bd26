// Which paths on disk the renderer may ask main to import. The renderer is not trusted to
// name arbitrary paths: only paths the user handed over (a native dialog, a drop that went
// through the preload, the command line, open-with, a second launch) and what lies under
// them are allowed. Both sides are compared as real paths (symlinks resolved), so neither
// "/granted/../etc" nor "/granted/link-to-home/.ssh/id_ed25519" gets through.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

/** The outcome of asking whether a path may be imported. */
export type PathCheck =
  | {
      allowed: true;
      /** The path with every symlink resolved: what gets imported. */ realPath: string;
    }
  | { allowed: false; reason: 'outside' | 'missing' };

/** Decides whether the renderer may name a path. */
export interface PathPolicy {
  /** Resolves `path` and says whether it lies at or under a granted path. */
  check(path: string): PathCheck;
}

export interface PathGrantsOptions {
  /** Compare paths ignoring case (the default on Windows and macOS). */
  caseInsensitive?: boolean;
  /** Resolves symlinks, throwing for a missing path (default: fs.realpathSync.native). */
  realpath?: (path: string) => string;
}

/** A growing set of user-granted paths; every path under a grant is allowed. */
export class PathGrants implements PathPolicy {
  /** Normalised grant -> its real path, or null while it cannot be resolved (not there yet). */
  private readonly roots = new Map<string, string | null>();
  /** Comparison keys of the resolved grants. */
  private readonly realKeys = new Set<string>();
  private readonly caseInsensitive: boolean;
  private readonly realpath: (path: string) => string;

  constructor(initial: Iterable<string> = [], options: PathGrantsOptions = {}) {
    this.caseInsensitive =
      options.caseInsensitive ?? (process.platform === 'win32' || process.platform === 'darwin');
    this.realpath = options.realpath ?? realpathSync.native;
    for (const p of initial) this.grant(p);
  }

  /** Grants an absolute path (and everything under it); returns false for unusable paths. */
  grant(path: string): boolean {
    const normal = normalised(path);
    if (normal === null) return false;
    if (this.roots.get(normal)) return true;
    this.roots.set(normal, null);
    this.resolveGrant(normal);
    return true;
  }

  /** Grants several paths; returns how many were usable. */
  grantAll(paths: Iterable<string>): number {
    let n = 0;
    for (const p of paths) if (this.grant(p)) n++;
    return n;
  }

  check(path: string): PathCheck {
    const normal = normalised(path);
    if (normal === null) return { allowed: false, reason: 'outside' };
    const real = this.tryRealpath(normal);
    if (real === null) {
      // Say "missing" only where the path would have been allowed: elsewhere the page would
      // learn which files exist outside what the user chose.
      const wouldBe = this.resolveMissing(normal);
      return {
        allowed: false,
        reason: wouldBe !== null && this.covers(wouldBe) ? 'missing' : 'outside',
      };
    }
    if (this.covers(real)) return { allowed: true, realPath: real };
    // Grants made before their path existed resolve once it does.
    let resolvedMore = false;
    for (const [grant, resolved] of this.roots) {
      if (resolved === null) resolvedMore = this.resolveGrant(grant) || resolvedMore;
    }
    return resolvedMore && this.covers(real)
      ? { allowed: true, realPath: real }
      : { allowed: false, reason: 'outside' };
  }

  /** True when `path` exists and lies at or under a granted path, symlinks resolved. */
  isAllowed(path: string): boolean {
    return this.check(path).allowed;
  }

  /** How many grants are held (for logs; never log the paths themselves). */
  get size(): number {
    return this.roots.size;
  }

  /** The real path, or null when `path` is missing or cannot be resolved (a loop, no access). */
  private tryRealpath(path: string): string | null {
    try {
      return this.realpath(path);
    } catch {
      return null;
    }
  }

  /** Where a missing path would be: its nearest existing folder resolved, the rest appended. */
  private resolveMissing(normal: string): string | null {
    const rest: string[] = [];
    for (let dir = normal; ; dir = dirname(dir)) {
      const real = this.tryRealpath(dir);
      if (real !== null) return rest.length === 0 ? real : join(real, ...rest.reverse());
      if (dirname(dir) === dir) return null;
      rest.push(basename(dir));
    }
  }

  /** True when a resolved grant is `real` or one of its folders: a few set lookups, not a scan. */
  private covers(real: string): boolean {
    for (let dir = this.key(real); ; dir = dirname(dir)) {
      if (this.realKeys.has(dir)) return true;
      if (dirname(dir) === dir) return false;
    }
  }

  /** Resolves a grant's real path; false while it cannot be (not there yet). */
  private resolveGrant(normal: string): boolean {
    try {
      const real = this.realpath(normal);
      this.roots.set(normal, real);
      this.realKeys.add(this.key(real));
      return true;
    } catch {
      // It grants nothing until it exists.
      return false;
    }
  }

  private key(realPath: string): string {
    return this.caseInsensitive ? realPath.toLowerCase() : realPath;
  }
}

/** An absolute, normalised path, or null for relative paths and NUL bytes. */
function normalised(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) return null;
  if (!isAbsolute(path)) return null;
  return resolve(normalize(path));
}

/** True when `child` is `root` or lies inside it (both absolute and normalised). */
export function isUnder(child: string, root: string): boolean {
  if (child === root) return true;
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}
