// Decoding and parsing of a batch of files, the same on a parse worker and on the calling thread.
import { errorMessage } from '../../contract/error-message';
import type { ParseJob, ParseOutcome } from './parse-protocol';
import { prepareArticle } from './prepare-article';

/** Prepares one file; an unexpected error becomes that file's failure reason. */
export function parseJob(job: ParseJob): ParseOutcome {
  try {
    const prepared = prepareArticle(
      job.bytes,
      { name: job.name, path: job.path, folder: job.folder },
      new Date().toISOString(),
      job.id,
    );
    if (!prepared.ok) return prepared;
    return { ok: true, record: prepared.article.record, doc: prepared.doc };
  } catch (e) {
    return { ok: false, reason: `could not be read as an article: ${errorMessage(e)}` };
  }
}

/** Prepares every file of a batch, in order. */
export function parseJobs(jobs: ParseJob[]): ParseOutcome[] {
  return jobs.map(parseJob);
}
