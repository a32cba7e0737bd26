// Library.open(dir, options): the LibraryEngine over a library folder, with the real index.
import type { LibraryEngine, OpenOptions } from './engine';
import { openLibraryWith, type EngineDeps } from './library/library-engine';
import { SearchIndex } from './search/segmented-index';
import { makeSnippet } from './search/query/snippet';

const realDeps: EngineDeps = {
  createIndex: (options) => new SearchIndex(options),
  makeSnippet,
};

/** Opens (and by default creates) the library at `dir`. */
export function openLibrary(dir: string, options: OpenOptions = {}): Promise<LibraryEngine> {
  return openLibraryWith(dir, options, realDeps);
}

/** The engine's entry point. */
export class Library {
  /** Opens (and by default creates) the library at `dir`; same as `openLibrary`. */
  static open(dir: string, options: OpenOptions = {}): Promise<LibraryEngine> {
    return openLibrary(dir, options);
  }
}
