// Which paths on disk the renderer may ask main to import. The renderer is not trusted to
// name arbitrary paths: only paths the user handed over (a native dialog, a drop that went
// through the preload, the command line, open-with, a second launch) and what lies under
// them are allowed. Paths are compared after normalisation, so "/granted/../etc" is refused.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/** Decides whether the renderer may name a path. */
export interface PathPolicy {
  /** True when `path` is absolute and lies at or under a granted path. */
  isAllowed(path: string): boolean;
}

/** A growing set of user-granted paths; every path under a grant is allowed. */
export class PathGrants implements PathPolicy {
  private readonly roots = new Set<string>();

  constructor(
    initial: Iterable<string> = [],
    private readonly caseInsensitive = process.platform === 'win32' ||
      process.platform === 'darwin',
  ) {
    for (const p of initial) this.grant(p);
  }

  /** Grants an absolute path (and everything under it); returns false for unusable paths. */
  grant(path: string): boolean {
    const key = this.key(path);
    if (key === null) return false;
    this.roots.add(key);
    return true;
  }

  /** Grants several paths; returns how many were usable. */
  grantAll(paths: Iterable<string>): number {
    let n = 0;
    for (const p of paths) if (this.grant(p)) n++;
    return n;
  }

  isAllowed(path: string): boolean {
    const key = this.key(path);
    if (key === null) return false;
    for (const root of this.roots) if (isUnder(key, root)) return true;
    return false;
  }

  /** How many grants are held (for logs; never log the paths themselves). */
  get size(): number {
    return this.roots.size;
  }

  private key(path: string): string | null {
    if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) return null;
    if (!isAbsolute(path)) return null;
    const n = resolve(normalize(path));
    return this.caseInsensitive ? n.toLowerCase() : n;
  }
}

/** True when `child` is `root` or lies inside it (both absolute and normalised). */
export function isUnder(child: string, root: string): boolean {
  if (child === root) return true;
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}
