// stats(): counts and facets over the catalogue.
import type { ArticleRecord } from '../store/article-file';
import type { CatalogProblem } from '../store/catalog';
import type { FacetCount, LibraryStats, TagCount } from '../../contract/types';

/** Builds LibraryStats; counts exclude the trash except `trash` and `totalBytes`. */
export function computeStats(
  libraryPath: string,
  records: Iterable<ArticleRecord>,
  tags: TagCount[],
  index: LibraryStats['index'],
  problems: CatalogProblem[],
): LibraryStats {
  let articles = 0;
  let unread = 0;
  let favourites = 0;
  let trash = 0;
  let totalBytes = 0;
  const places = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const r of records) {
    totalBytes += r.byteLength;
    if (r.trashedAt !== null) {
      trash++;
      continue;
    }
    articles++;
    if (!r.read) unread++;
    if (r.favourite) favourites++;
    if (r.place) places.set(r.place, (places.get(r.place) ?? 0) + 1);
    languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
  }
  return {
    libraryPath,
    articles,
    unread,
    favourites,
    trash,
    tags,
    places: facets(places),
    languages: facets(languages),
    totalBytes,
    index,
    problems: problems.map((p) => ({ ...p })),
  };
}

function facets(counts: Map<string, number>): FacetCount[] {
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}
