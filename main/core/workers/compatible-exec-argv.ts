// Node arguments for worker threads started from TypeScript sources (tests, benchmarks, the
// CLI run with tsx).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * On Node 20, `--import tsx` does not apply to a worker's entry file ("Unknown file
 * extension .ts"); tsx's CommonJS hook does, so use it there for the same effect. The loader
 * may be named as `tsx` or by the path/URL of its entry (`…/tsx/dist/loader.mjs`), which the
 * CLI and the benchmarks pass so the worker finds it from any working directory.
 */
export function compatibleExecArgv(argv: string[]): string[] {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return argv;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = arg.startsWith('--import=') ? arg.slice('--import='.length) : null;
    const loader = inline ?? (arg === '--import' ? argv[i + 1] : undefined);
    const cjs = loader === undefined ? null : tsxCjsHook(loader);
    if (cjs === null) {
      out.push(arg);
      continue;
    }
    out.push('--require', cjs);
    if (inline === null) i++;
  }
  return out;
}

const TSX_ENTRY = /^(.*[\\/])?tsx[\\/]dist[\\/](loader\.mjs|esm[\\/]index\.mjs)$/;

/** tsx's CommonJS hook for a tsx `--import` loader (name, path or file URL), else null. */
function tsxCjsHook(loader: string): string | null {
  if (loader === 'tsx' || loader === 'tsx/esm') return 'tsx/cjs';
  let path = loader;
  if (loader.startsWith('file:')) {
    try {
      path = fileURLToPath(loader);
    } catch {
      // Not a local file URL, so not a tsx install we can find a hook beside.
      return null;
    }
  }
  const m = TSX_ENTRY.exec(path);
  return m ? join(`${m[1] ?? ''}tsx`, 'dist', 'cjs', 'index.cjs') : null;
}
