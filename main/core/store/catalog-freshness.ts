// Whether a reader may trust the catalogue without listing the articles: a read-only command
// (scripts call `list` and `search` once per keystroke) otherwise reads every pack's index to
// compare the catalogue's ids with the files, a fifth of a cold `list` at 10,000 articles.
//
// The writer changes a pack only between journalling `begin` and journalling the change
// (catalog.ts), and writes the snapshot and the journal after the packs they describe. So when
// the catalogue's files were last written strictly after the article folders and every pack
// last changed, the catalogue already holds what the packs hold, and any article still being
// written is named by a `begin` the load reads anyway. Anything else (a pack copied in or
// changed by another program, a library from before packs with files of its own, clocks that
// disagree, a file system whose times are too coarse to order the two) fails the test, and the
// load lists the files as before. Change times are used for the packs since no tool can set them
// back, and the older of modification and change time for the catalogue, so that neither a pack
// restored with its old times nor a catalogue touched into the future passes.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder under the articles folder that holds the packs (see pack-set.ts). */
const PACKS = 'packs';

/**
 * True when the catalogue (`snapshot`, `journal`) was written after every change to the
 * articles under `articlesDir`; false when unsure. Never throws.
 */
export async function catalogIsCurrent(
  articlesDir: string,
  snapshot: string,
  journal: string,
): Promise<boolean> {
  try {
    const [written, changed] = await Promise.all([
      lastWritten([snapshot, journal]),
      lastChanged(articlesDir),
    ]);
    return written !== null && changed !== null && changed < written;
  } catch {
    // Unreadable times: list the files as before.
    return false;
  }
}

/** When the catalogue was last written: the newest of its files, each at its older time. */
async function lastWritten(paths: string[]): Promise<bigint | null> {
  let newest: bigint | null = null;
  for (const path of paths) {
    const info = await stat(path, { bigint: true }).catch(() => null);
    if (!info) continue;
    const at = info.mtimeNs < info.ctimeNs ? info.mtimeNs : info.ctimeNs;
    if (newest === null || at > newest) newest = at;
  }
  return newest;
}

/**
 * The latest change to the article folders and packs; null when they hold anything but packs
 * (files of their own, temp files), which only a listing accounts for.
 */
async function lastChanged(articlesDir: string): Promise<bigint | null> {
  const top = await readdir(articlesDir).catch(() => null);
  if (top === null || top.some((name) => name !== PACKS)) return null;
  const packsDir = join(articlesDir, PACKS);
  const names = top.length ? await readdir(packsDir) : [];
  const paths = [
    articlesDir,
    ...(top.length ? [packsDir] : []),
    ...names.map((n) => join(packsDir, n)),
  ];
  const infos = await Promise.all(paths.map((p) => stat(p, { bigint: true })));
  let latest = 0n;
  for (const info of infos) {
    const at = info.mtimeNs > info.ctimeNs ? info.mtimeNs : info.ctimeNs;
    if (at > latest) latest = at;
  }
  return latest;
}
