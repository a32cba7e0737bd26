// check(): reads every article file and every cache of a library and reports what is wrong,
// changing nothing (so it runs on read-only opens, beside the app).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { errorMessage } from '../../contract/error-message';
import type { CheckProblem, CheckReport } from '../../contract/types';
import { isErrno } from '../errno';
import { isArchiveError } from '../errors';
import {
  parseSegmentDocs,
  readManifest as readIndexManifest,
  sha256,
  type IndexManifest,
} from '../search/storage/persistence';
import { articleRecordSchema, catalogEntry, type ArticleRecord } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import { readSnapshotFile } from '../store/catalog-snapshot';
import { parseJournalLine } from '../store/journal-line';
import { LOCK_NAME, readLockFile } from '../store/lock';
import { readManifest } from '../store/manifest';

export interface CheckDeps {
  dir: string;
  store: ArticleStore;
  /** The catalogue as this process holds it (kept up to date by its writes). */
  records: ReadonlyMap<string, ArticleRecord>;
  /** True when this process holds the lock (a writable open). */
  holdsLock: boolean;
  /** Resolves once writes queued so far are done, so a difference seen mid-write is looked at again. */
  settle: () => Promise<void>;
}

// Article files read at once: enough to keep the disk busy, few enough to bound memory.
const READS_IN_FLIGHT = 16;
// A writer may replace the index manifest while it is checked; it is read again this often.
const INDEX_TRIES = 3;

/** Verifies every article file and cache of the library; see CheckReport. */
export async function checkLibrary(deps: CheckDeps): Promise<CheckReport> {
  const started = performance.now();
  const problems: CheckProblem[] = [];
  const report = (kind: CheckProblem['kind'], path: string, reason: string) =>
    problems.push({ kind, path: relativePath(deps.dir, path), reason });
  let cacheFiles = 0;
  cacheFiles += await checkManifest(deps, report);
  cacheFiles += await checkLock(deps, report);
  cacheFiles += await checkCatalogFiles(deps, report);
  cacheFiles += await checkIndex(deps, report);
  const articles = await checkArticles(deps, report);
  return {
    ok: problems.length === 0,
    articlesChecked: articles,
    cacheFilesChecked: cacheFiles,
    problems,
    tookMs: performance.now() - started,
  };
}

type Report = (kind: CheckProblem['kind'], path: string, reason: string) => void;

const relativePath = (dir: string, path: string): string =>
  relative(dir, path).split(sep).join('/');

async function checkManifest(deps: CheckDeps, report: Report): Promise<number> {
  const path = join(deps.dir, 'manifest.json');
  try {
    if ((await readManifest(deps.dir)) === null) report('manifest', path, 'missing');
  } catch (e) {
    report('manifest', path, isArchiveError(e) ? e.message : errorMessage(e));
  }
  return 1;
}

async function checkLock(deps: CheckDeps, report: Report): Promise<number> {
  const path = join(deps.dir, LOCK_NAME);
  let held;
  try {
    held = await readLockFile(path);
  } catch (e) {
    report('lock', path, `cannot be read (${errorMessage(e)})`);
    return 1;
  }
  if (held === 'missing') {
    if (deps.holdsLock) report('lock', path, 'missing while the library is open for writing');
    return deps.holdsLock ? 1 : 0;
  }
  if (!held.owner) report('lock', path, 'damaged: not a valid lock file');
  else if (deps.holdsLock && held.owner.pid !== process.pid) {
    report('lock', path, `names pid ${held.owner.pid}, not the process that holds it`);
  }
  return 1;
}

/** The snapshot's checksum and every journal line's. */
async function checkCatalogFiles(deps: CheckDeps, report: Report): Promise<number> {
  const snapshotPath = join(deps.dir, 'catalog.json');
  const snapshot = await readSnapshotFile(snapshotPath);
  if ('missing' in snapshot) {
    report('catalog', snapshotPath, 'missing (it is rebuilt from the articles on the next open)');
  } else if ('damaged' in snapshot) {
    report('catalog', snapshotPath, `damaged: ${snapshot.damaged}`);
  }
  const journalPath = join(deps.dir, 'catalog.journal');
  let text: string;
  try {
    text = await readFile(journalPath, 'utf8');
  } catch (e) {
    if (!isErrno(e, 'ENOENT'))
      report('catalog', journalPath, `cannot be read (${errorMessage(e)})`);
    return 1;
  }
  const lines = text.split('\n');
  // The text after the last newline is a line being written right now (or torn by a crash,
  // which the next open repairs like any damaged line); only finished lines are judged.
  lines.pop();
  const bad = lines.findIndex((line) => parseJournalLine(line) === null);
  if (bad >= 0) {
    report(
      'catalog',
      journalPath,
      `line ${bad + 1} of ${lines.length} is damaged (the catalogue is rebuilt from the articles on the next open)`,
    );
  }
  return 2;
}

/** The index manifest and each segment file's SHA-256 (the manifest records them). */
async function checkIndex(deps: CheckDeps, report: Report): Promise<number> {
  const dir = join(deps.dir, 'index');
  for (let attempt = 1; ; attempt++) {
    const read = await readIndexManifest(dir);
    const manifestPath = join(dir, 'manifest.json');
    if (!('manifest' in read)) {
      // An empty library may have no index yet; otherwise the next open rebuilds it.
      if (read.problem !== 'missing' || deps.records.size > 0) {
        report('index', manifestPath, `${read.reason} (the index is rebuilt on the next open)`);
      }
      return read.problem === 'missing' ? 0 : 1;
    }
    const found: [string, string][] = [];
    const outcome = await checkSegments(dir, read.manifest, (path, reason) =>
      found.push([path, reason]),
    );
    // A file the manifest named went away: a writer replaced the manifest meanwhile.
    if (outcome === 'changed' && attempt < INDEX_TRIES) continue;
    for (const [path, reason] of found) report('index', path, reason);
    return 1 + read.manifest.segments.length * 2;
  }
}

async function checkSegments(
  dir: string,
  manifest: IndexManifest,
  found: (path: string, reason: string) => void,
): Promise<'done' | 'changed'> {
  for (const entry of manifest.segments) {
    const files = [
      { name: entry.docsFile, sha: entry.docsSha256, docs: true },
      { name: entry.indexFile, sha: entry.indexSha256, docs: false },
    ];
    for (const file of files) {
      const path = join(dir, file.name);
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch (e) {
        if (isErrno(e, 'ENOENT')) {
          if (await manifestChanged(dir, manifest)) return 'changed';
          found(path, 'missing (its documents are indexed again on the next open)');
        } else found(path, `cannot be read (${errorMessage(e)})`);
        continue;
      }
      if (sha256(data) !== file.sha) {
        found(path, 'checksum mismatch (its documents are indexed again on the next open)');
      } else if (file.docs && parseSegmentDocs(data.toString('utf8'), entry.seq) === null) {
        found(path, 'malformed document list');
      }
    }
  }
  return 'done';
}

async function manifestChanged(dir: string, manifest: IndexManifest): Promise<boolean> {
  const now = await readIndexManifest(dir);
  return !('manifest' in now) || JSON.stringify(now.manifest) !== JSON.stringify(manifest);
}

/**
 * Every article file: readable, parses, its original bytes hash to its id, and the catalogue
 * has the same record. Returns how many files were read.
 */
async function checkArticles(deps: CheckDeps, report: Report): Promise<number> {
  const { store, records } = deps;
  const ids = await store.listIds();
  const onDisk = new Set(ids);
  // Records too damaged to name their article are found only by reading the packs.
  for (const p of store.damaged()) report('article', p.location, p.reason);
  // Differences from the catalogue may be a write in flight: looked at again once it settles.
  const differs = new Set<string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const outcome = await readArticle(store, id);
      if ('problem' in outcome) {
        report('article', store.pathOf(id), outcome.problem);
        continue;
      }
      const listed = records.get(id);
      if (!listed || !sameRecord(listed, catalogEntry(outcome.record))) differs.add(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, ids.length) }, worker));
  const missing = [...records.keys()].filter((id) => !onDisk.has(id));
  if (differs.size > 0 || missing.length > 0) await deps.settle();
  for (const id of differs) {
    const outcome = await readArticle(store, id);
    const listed = records.get(id);
    if ('problem' in outcome) report('article', store.pathOf(id), outcome.problem);
    else if (!listed)
      report('catalog', store.pathOf(id), 'the catalogue does not list this article');
    else if (!sameRecord(listed, catalogEntry(outcome.record))) {
      report('catalog', store.pathOf(id), "the catalogue's entry differs from the article");
    }
  }
  for (const id of missing) {
    if (!records.has(id)) continue;
    const outcome = await readArticle(store, id);
    if ('problem' in outcome) report('article', store.pathOf(id), outcome.problem);
  }
  return ids.length;
}

async function readArticle(
  store: ArticleStore,
  id: string,
): Promise<{ record: ArticleRecord } | { problem: string }> {
  let stored;
  try {
    stored = await store.read(id);
  } catch (e) {
    return { problem: errorMessage(e) };
  }
  if (!stored) return { problem: 'the file is missing (the catalogue lists it)' };
  const hash = createHash('sha256').update(stored.original).digest('hex').slice(0, 16);
  if (hash !== id) {
    return { problem: `the original text hashes to ${hash}, not to its id (it was altered)` };
  }
  return { record: stored.record };
}

const RECORD_FIELDS = articleRecordSchema.keyof().options;

/** Whether the catalogue's entry `a` says what the file's record (as catalogEntry made it) says. */
function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  for (const key of RECORD_FIELDS) {
    // Older records leave the flag out rather than writing false.
    if (key === 'encodingGuessed') {
      if (Boolean(a.encodingGuessed) !== Boolean(b.encodingGuessed)) return false;
    } else if (key === 'collection' && b.collection === undefined) {
      // Files from before collections have none: the catalogue's is derived on open.
      continue;
    } else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}
