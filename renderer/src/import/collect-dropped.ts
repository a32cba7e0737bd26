// Turns a drop (or a file picker's FileList) into files to import. Browsers without
// file paths hand over folders only as FileSystemEntry trees, so those are walked here, with
// the engine's own rules for which files in a folder are articles.
import { isArticleName, isSkippedFolderName } from '../../../main/contract/import-rules';

export interface PickedFile {
  file: File;
  /** Name to show and to send: the path inside the dropped folder, or the file name. */
  name: string;
}

export interface Collected {
  files: PickedFile[];
  /** Files inside dropped folders that are not articles. */
  skipped: number;
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call; keep calling until it returns none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, into: Collected, inFolder: boolean): Promise<void> {
  if (entry.isFile) {
    const name = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (inFolder && !isArticleName(entry.name)) {
      into.skipped++;
      return;
    }
    into.files.push({ file: await fileOf(entry as FileSystemFileEntry), name });
  } else if (entry.isDirectory) {
    if (inFolder && isSkippedFolderName(entry.name)) {
      into.skipped++;
      return;
    }
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, into, true);
  }
}

/** Files of a drop: folder entries walked when there are any, else the plain file list. */
export async function collectDropped(
  entries: FileSystemEntry[] | null,
  files: File[],
): Promise<Collected> {
  const out: Collected = { files: [], skipped: 0 };
  if (entries) {
    for (const entry of entries) await walk(entry, out, false);
    return out;
  }
  for (const file of files) {
    const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    if (relative && !isInFolderArticle(relative)) {
      out.skipped++;
      continue;
    }
    out.files.push({ file, name: relative || file.name });
  }
  return out;
}

/** For a file of a picked folder (`dir/sub/name.txt`): the folder rules on its path inside it. */
function isInFolderArticle(relative: string): boolean {
  const parts = relative.split('/');
  const name = parts.pop() ?? '';
  // parts[0] is the picked folder itself, always walked.
  return parts.slice(1).every((p) => !isSkippedFolderName(p)) && isArticleName(name);
}
