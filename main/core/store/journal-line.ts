// Lines of the catalogue journal: a short checksum, a space, then one JSON change.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { articleRecordSchema, type ArticleRecord } from './article-file';

export type JournalEntry =
  /** Written (and synced) before article files change, so a crash points at them. */
  { t: 'begin'; ids: string[] } | { t: 'put'; recs: ArticleRecord[] } | { t: 'del'; ids: string[] };

const journalEntrySchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('begin'), ids: z.array(z.string()) }),
  z.object({ t: z.literal('put'), recs: z.array(articleRecordSchema) }),
  z.object({ t: z.literal('del'), ids: z.array(z.string()) }),
]);

const checksum = (json: string): string =>
  createHash('sha1').update(json).digest('hex').slice(0, 10);

/** One journal line, newline included. */
export function formatJournalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${checksum(json)} ${json}\n`;
}

/**
 * Parses one line; null when it is torn or damaged (the journal is trusted up to there). A
 * line whose checksum holds but whose change is malformed counts as damaged too.
 */
export function parseJournalLine(line: string): JournalEntry | null {
  const space = line.indexOf(' ');
  if (space < 0) return null;
  const json = line.slice(space + 1);
  if (checksum(json) !== line.slice(0, space)) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = journalEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
