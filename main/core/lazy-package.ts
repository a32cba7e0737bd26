// Packages that only some calls need (compromise's lexicon, a DOM for web pages, the zip
// reader and writer, the file watcher, the sentence diff…) are loaded on their first use, not
// when the engine's modules load: a `list` or a `search` in a fresh process then pays only for
// what it runs (docs/benchmarks.md, "Cold command line"). The build leaves these packages
// external, so this is the same require() the bundle made at startup, only later.
import { createRequire } from 'node:module';

const requireHere = createRequire(__filename);

/** A getter that loads the package `id` on its first call and returns that module after. */
export function lazyPackage<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
