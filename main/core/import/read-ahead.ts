// The reading side of the pipeline: files are read and hashed in walk order and gathered
// into batches whose parsing runs on a worker while earlier batches are being written.
import type { ParseJob, ParseOutcome } from './parse-protocol';
import { articleIdOf } from './prepare-article';
import { folderBelow, folderOfDroppedName } from '../organise/collection-name';
import { readSourceFile } from './read-source';
import type { WalkItem } from './walk';

/** One walked item, read and hashed; `job` indexes its batch's outcomes when it was parsed. */
export type Entry =
  | { kind: 'skipped'; label: string; reason?: string }
  | { kind: 'failed'; label: string; reason: string }
  | {
      kind: 'article';
      label: string;
      job: ParseJob;
      /** Index into the batch outcomes, or null when it looked like a duplicate. */
      slot: number | null;
    };

/** Walked items in order, with the parse outcomes of those that were sent to be parsed. */
export interface Batch {
  entries: Entry[];
  outcomes: Promise<ParseOutcome[]>;
}

/** Reads one walked item; the id (content hash) is what duplicates are decided on. */
export async function readEntry(item: WalkItem): Promise<Entry> {
  const label = item.type === 'data' ? item.name : item.path;
  if (item.type === 'skipped') return { kind: 'skipped', label, reason: item.reason };
  if (item.type === 'failed') return { kind: 'failed', label, reason: item.reason };
  const read =
    item.type === 'data'
      ? { ok: true as const, bytes: item.data }
      : await readSourceFile(item.path);
  if (!read.ok) return { kind: 'failed', label, reason: read.reason };
  const job: ParseJob = {
    bytes: read.bytes,
    name: item.name,
    path: item.type === 'file' ? item.path : null,
    folder:
      item.type === 'file' ? folderBelow(item.root, item.path) : folderOfDroppedName(item.name),
    id: articleIdOf(read.bytes),
  };
  return { kind: 'article', label, job, slot: null };
}

/** Gathers entries into a batch; likely duplicates are left out of the parse jobs. */
export class BatchBuilder {
  private entries: Entry[] = [];
  private jobs: ParseJob[] = [];
  private bytes = 0;

  constructor(private readonly likelyDuplicate: (id: string) => boolean) {}

  /** Adds an entry and says whether the batch is now full (maxJobs entries or maxBytes). */
  add(entry: Entry, maxJobs: number, maxBytes: number): boolean {
    if (entry.kind === 'article' && !this.likelyDuplicate(entry.job.id)) {
      entry.slot = this.jobs.length;
      this.jobs.push(entry.job);
      this.bytes += entry.job.bytes.length;
    }
    this.entries.push(entry);
    return this.entries.length >= maxJobs || this.bytes >= maxBytes;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Hands the batch to a parser and starts a new one. */
  take(parse: (jobs: ParseJob[]) => Promise<ParseOutcome[]>): Batch {
    const batch: Batch = {
      entries: this.entries,
      outcomes: this.jobs.length > 0 ? parse(this.jobs) : Promise.resolve([]),
    };
    this.entries = [];
    this.jobs = [];
    this.bytes = 0;
    return batch;
  }
}
