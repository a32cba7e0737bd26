// Collections for articles imported before the imported folder was recorded. Their records
// hold the file's absolute path but not which folder was chosen, so that folder is inferred:
// the articles imported together (one run of import times with no pause over RUN_GAP_MS) came
// from one import, and its folder is taken to be the deepest folder holding all of their files.
// A lone file is then directly in it (no collection), and the files of an imported
// "bbc-fulltext/" folder get "business", "sport", ... as a new import would give them.
import { dirname, sep } from 'node:path';
import type { ArticleRecord } from '../store/article-file';
import { collectionOfFolder, folderBelow, folderOfDroppedName } from './collection-name';

/** A pause in import times longer than this separates two imports. */
export const RUN_GAP_MS = 60_000;

/**
 * Sets `collection` on every record that has none, in place: from the recorded source folder,
 * else inferred (see above). Records that already carry one (renamed since) keep it. Returns
 * how many records were given one.
 */
export function deriveLegacyCollections(records: Iterable<ArticleRecord>): number {
  const withPath: ArticleRecord[] = [];
  let set = 0;
  const give = (r: ArticleRecord, folder: string | null | undefined) => {
    if (r.collection !== undefined) return;
    r.collection = collectionOfFolder(folder);
    set++;
  };
  for (const r of records) {
    if (r.sourceFolder !== undefined) give(r, r.sourceFolder);
    else if (r.sourcePath === null) give(r, folderOfDroppedName(r.sourceName));
    else withPath.push(r);
  }
  if (withPath.length === 0) return set;
  // Every legacy article takes part, renamed or not, so the inference does not depend on
  // which of them were renamed since.
  withPath.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
  let run: ArticleRecord[] = [];
  let last = NaN;
  const finish = () => {
    const root = commonFolder(run.map((r) => dirname(r.sourcePath!)));
    for (const r of run) give(r, folderBelow(root, r.sourcePath!));
    run = [];
  };
  for (const r of withPath) {
    const time = Date.parse(r.importedAt);
    if (run.length > 0 && time - last > RUN_GAP_MS) finish();
    run.push(r);
    last = time;
  }
  finish();
  return set;
}

/** The deepest folder that holds every one of `folders`. */
export function commonFolder(folders: readonly string[]): string {
  let parts = folders[0]!.split(sep);
  for (const folder of folders) {
    const other = folder.split(sep);
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  // "/x" splits into "", "x": a common part of just "" is the file-system root.
  return parts.length === 1 && parts[0] === '' ? sep : parts.join(sep);
}
