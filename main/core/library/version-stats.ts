// stats() as the list counts with other versions hidden: the hidden articles taken out of
// every count they were in, so the sidebar's numbers are the rows each view and facet shows.
import type { FacetCount, LibraryStats, TagCount } from '../../contract/types';
import type { ArticleRecord } from '../store/article-file';
import { tagKey } from './tags';

function without<T extends { name: string; count: number }>(
  items: T[],
  taken: Map<string, number>,
  key: (name: string) => string,
): T[] {
  return items
    .map((item) => ({ ...item, count: item.count - (taken.get(key(item.name)) ?? 0) }))
    .filter((item) => item.count > 0);
}

const byCount = (a: FacetCount, b: FacetCount) =>
  b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Takes the hidden articles (none in the trash) out of the counts of `stats`. */
export function statsHidingVersions(
  stats: LibraryStats,
  hidden: ReadonlySet<string>,
  records: ReadonlyMap<string, ArticleRecord>,
): LibraryStats {
  let articles = 0;
  let unread = 0;
  let favourites = 0;
  const tags = new Map<string, number>();
  const places = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const id of hidden) {
    const r = records.get(id);
    if (!r || r.trashedAt !== null) continue;
    articles++;
    if (!r.read) unread++;
    if (r.favourite) favourites++;
    for (const t of r.tags) bump(tags, tagKey(t));
    if (r.place) bump(places, r.place);
    bump(languages, r.language);
  }
  const same = (name: string) => name;
  return {
    ...stats,
    articles: stats.articles - articles,
    unread: stats.unread - unread,
    favourites: stats.favourites - favourites,
    tags: without<TagCount>(stats.tags, tags, tagKey),
    libraryTags: stats.tags,
    places: without(stats.places, places, same).sort(byCount),
    languages: without(stats.languages, languages, same).sort(byCount),
    hiddenVersions: articles,
  };
}
