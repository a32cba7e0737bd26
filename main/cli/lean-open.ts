// What a command that only reads can open without: scripts call the command line once per
// keystroke, so a fresh `list` or `search` loads only what its answer is made of
// (docs/benchmarks.md, "Cold command line").
import type { OpenOptions } from '../core/engine';
import type { ParsedCommandLine } from './args';

/** How lean a command's open may be (see openLibrary in open.ts). */
export interface LeanOpen extends Pick<OpenOptions, 'discovery' | 'deferIndex'> {
  /**
   * False: no index worker threads. A read-only search loads its segments on the calling
   * thread: starting a worker (and loading its modules) took longer than the load itself.
   */
  indexWorkers?: boolean;
}

/** The lean open for a command line, or null when it opens the library in full. */
export async function leanOpen(cli: ParsedCommandLine): Promise<LeanOpen | null> {
  // (`list` opens no engine at all: catalog-list.ts, nor does a `search` that asks no names:
  // catalog-search.ts.)
  if (cli.command === 'search') {
    // Hits show no version counts; the entities answer only person:, org: and place:.
    const { searchNeedsNames } = await import('./search-needs-names');
    return { discovery: searchNeedsNames(cli.args.join(' ')), indexWorkers: false };
  }
  return null;
}
