// The text a saved web page is cleaned from: its title, then its blocks, as a text file
// would hold them, so it goes through the same cleaning as text files (paragraphs,
// dateline, debris, language).
import type { ExtractedArticle } from './extract-article';

/** The article as text: the title line, then one block per paragraph, blank lines between. */
export function pageText(article: ExtractedArticle): string {
  const parts = article.title === '' ? article.blocks : [article.title, ...article.blocks];
  return parts.join('\n\n');
}
