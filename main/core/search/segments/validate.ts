// Checks the documents handed to the index, so bad input fails with a clear message
// instead of corrupting a segment.
import { ArchiveError } from '../../errors';
import type { IndexDoc } from '../types';

/** Throws BAD_ARGUMENT naming the first malformed document. */
export function validateDocs(docs: unknown): asserts docs is IndexDoc[] {
  if (!Array.isArray(docs)) throw new ArchiveError('BAD_ARGUMENT', 'upsert() expects a list.');
  docs.forEach((d: Partial<IndexDoc> | null, i) => {
    const where = `Document ${i + 1}${d && typeof d.id === 'string' ? ` (${d.id})` : ''}`;
    const fail = (what: string): never => {
      throw new ArchiveError('BAD_ARGUMENT', `${where} ${what}.`);
    };
    if (!d || typeof d !== 'object') fail('is not an object');
    if (typeof d!.id !== 'string' || d!.id.length === 0 || d!.id.includes('/')) {
      fail('needs a non-empty id without "/"');
    }
    if (typeof d!.rev !== 'number' || !Number.isFinite(d!.rev)) fail('needs a numeric rev');
    if (typeof d!.title !== 'string') fail('needs a text title');
    if (typeof d!.body !== 'string') fail('needs a text body');
    if (!Array.isArray(d!.tags) || d!.tags.some((t) => typeof t !== 'string')) {
      fail('needs tags as a list of text');
    }
    if (d!.place !== null && typeof d!.place !== 'string') fail('needs a text place or null');
    if (typeof d!.language !== 'string') fail('needs a language code');
    for (const key of ['notes', 'highlights'] as const) {
      const list = d![key];
      if (list !== undefined && (!Array.isArray(list) || list.some((t) => typeof t !== 'string'))) {
        fail(`needs ${key} as a list of text`);
      }
    }
  });
}

/** validateDocs, and BAD_ARGUMENT unless `judging` (if any) gives the facts of each document. */
export function validateJudged(
  docs: unknown,
  judging: { records: readonly unknown[] } | undefined,
  method: string,
): asserts docs is IndexDoc[] {
  validateDocs(docs);
  if (judging && judging.records.length !== docs.length) {
    throw new ArchiveError('BAD_ARGUMENT', `${method}() needs the facts of every document.`);
  }
}
