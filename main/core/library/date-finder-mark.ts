// dates.json: says that every article's recorded date is what this date finder, on this
// cleaner's text, reads, and its recorded language what this language detector says. A
// reindex finds every article's date and language again only when it does not (a library from
// before the mark, or a finder, detector or cleaner changed since): finding the dates was 7%
// of a reindex's CPU at 100,000 articles (docs/benchmarks.md). A new library is marked
// at creation, and every import dates its articles with the current finder, so the mark holds
// until the finder changes. A missing or unreadable mark only means the next reindex finds
// the dates again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write';
import { DATE_FINDER_VERSION } from '../text/article-date';
import { LANGUAGE_DETECTOR_VERSION } from '../text/language';
import { CLEANER_VERSION } from '../text/parse-article';

/** The mark's file name in the library folder. */
export const DATE_FINDER_MARK_FILE = 'dates.json';

const markSchema = z.object({
  format: z.literal(1),
  finder: z.number().int(),
  cleaner: z.number().int(),
  // Absent in marks written before languages were detected again (they are then not current).
  detector: z.number().int().optional(),
});

/** True when the library at `dir` is marked as dated by this finder (and its languages by this detector). */
export async function datesAreCurrent(dir: string): Promise<boolean> {
  try {
    const parsed = markSchema.safeParse(
      JSON.parse(await readFile(join(dir, DATE_FINDER_MARK_FILE), 'utf8')),
    );
    return (
      parsed.success &&
      parsed.data.finder === DATE_FINDER_VERSION &&
      parsed.data.cleaner === CLEANER_VERSION &&
      parsed.data.detector === LANGUAGE_DETECTOR_VERSION
    );
  } catch {
    return false;
  }
}

/** Marks the library at `dir` as dated by this finder (after a reindex found every date). */
export async function markDatesCurrent(dir: string): Promise<void> {
  const mark = {
    format: 1,
    finder: DATE_FINDER_VERSION,
    cleaner: CLEANER_VERSION,
    detector: LANGUAGE_DETECTOR_VERSION,
  };
  await writeFileAtomic(join(dir, DATE_FINDER_MARK_FILE), JSON.stringify(mark));
}
