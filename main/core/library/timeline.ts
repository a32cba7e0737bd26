// The timeline of a view or a search: its articles counted by their own date, from the
// catalogue (and, for a search, the index's hit ids); never an article file.
import type { Timeline, TimelineQuery } from '../../contract/timeline';
import { withinBounds } from '../../contract/date-range';
import { ArchiveError, QueryError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type { Catalog } from '../store/catalog';
import { recordFilter } from './list-query';
import { timelineBuckets } from './timeline-buckets';

export interface TimelineDeps {
  catalog: Catalog;
  /** Ids of every article a query matches among those `keep` lets through. */
  searchIds: (
    query: string,
    keep: (id: string) => boolean,
    mode: { exact?: boolean; anyWord?: boolean },
  ) => Promise<string[]>;
  /** Articles a list hiding versions leaves out. */
  hiddenVersions: () => Promise<ReadonlySet<string>>;
}

/** Counts the articles of a view or search by day, month or year of their own date. */
export async function articleTimeline(q: TimelineQuery, deps: TimelineDeps): Promise<Timeline> {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw new ArchiveError('BAD_ARGUMENT', `The range starts (${q.from}) after it ends (${q.to}).`);
  }
  // Undated articles are counted whatever the range: the range never holds them.
  const matches = recordFilter({
    view: q.view,
    tags: q.tags,
    place: q.place,
    language: q.language,
    collection: q.collection,
  });
  const hidden = q.hideVersions ? await deps.hiddenVersions() : null;
  const keep =
    hidden && hidden.size > 0 ? (r: ArticleRecord) => matches(r) && !hidden.has(r.id) : matches;
  const bounds = { from: q.from ?? null, to: q.to ?? null };
  const days = new Map<string, number>();
  let undated = 0;
  let dated = 0;
  const add = (r: ArticleRecord): void => {
    const date = r.articleDate;
    if (date === null) {
      undated++;
      return;
    }
    if (!withinBounds(date, bounds)) return;
    const day = date.length === 10 ? date : date.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
    dated++;
  };
  const records = deps.catalog.records;
  const text = q.query?.trim() ?? '';
  if (text !== '') {
    let ids: string[] = [];
    try {
      ids = await deps.searchIds(
        text,
        (id) => {
          const r = records.get(id);
          return r !== undefined && keep(r);
        },
        { exact: q.exact, anyWord: q.anyWord },
      );
    } catch (e) {
      // The list says what is wrong with the query; its timeline is simply empty.
      if (!(e instanceof QueryError)) throw e;
    }
    for (const id of ids) {
      const r = records.get(id);
      if (r) add(r);
    }
  } else {
    for (const r of records.values()) if (keep(r)) add(r);
  }
  const range = {
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  };
  return { ...timelineBuckets(days, range), dated, undated };
}
