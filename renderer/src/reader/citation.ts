import type { ArticleMeta } from '../../../main/contract/types';
import { formatDate, formatPlace } from '../shared/format';

/** A one-line citation: title, place, date (or that it is undated) and the source file. */
export function citation(
  meta: Pick<
    ArticleMeta,
    'title' | 'place' | 'articleDate' | 'importedAt' | 'sourceName' | 'sourcePath'
  >,
): string {
  const date = meta.articleDate
    ? formatDate(meta.articleDate)
    : `undated (added ${formatDate(meta.importedAt)})`;
  const where = [meta.place ? formatPlace(meta.place) : null, date].filter(Boolean).join(', ');
  return `“${meta.title}”. ${where}. Source: ${meta.sourcePath ?? meta.sourceName}.`;
}
