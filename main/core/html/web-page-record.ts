// What a saved web page's metadata adds to its record.
import type { ArticleRecord } from '../store/article-file';
import type { WebPageFacts } from './read-web-page';

/** Sets the page's published date (over one found in the text), byline and site name. */
export function applyWebPageFacts(record: ArticleRecord, facts: WebPageFacts): void {
  if (facts.articleDate !== null) record.articleDate = facts.articleDate;
  if (facts.byline !== null) record.byline = facts.byline;
  if (facts.siteName !== null) record.siteName = facts.siteName;
}

/** A record's byline and site name (kept in the article file only), present ones only. */
export function webPageFactsOf(record: ArticleRecord): Pick<ArticleRecord, 'byline' | 'siteName'> {
  return {
    ...(record.byline !== undefined ? { byline: record.byline } : {}),
    ...(record.siteName !== undefined ? { siteName: record.siteName } : {}),
  };
}
