// Markdown documents of articles and of highlights: quotes as blockquotes, notes under them.
// Article text is written as it is (it is the user's own document), except that lines which
// Markdown would read as headings, rules or list items inside a quote stay plain text.
import type { Highlight } from '../../contract/highlights';
import type { ArticleMeta } from '../../contract/types';

/** A highlight with what the export shows of its article. */
export interface ExportedHighlight extends Highlight {
  title: string;
}

/** Text as a Markdown blockquote, one "> " per line. */
export function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Characters that start Markdown syntax at the beginning of a title: written as text. */
function plainHeading(title: string): string {
  return (
    title
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^([#>*+\-=`|])/, '\\$1') || 'Untitled'
  );
}

/** A highlight: its quote, its note (if any), and whether it could not be placed. */
function highlightBlock(h: Highlight): string {
  const parts = [blockquote(h.exact)];
  if (h.note.trim() !== '') parts.push(h.note.trim());
  const tags = [`${h.color}`, h.createdAt.slice(0, 10), ...(h.orphaned ? ['orphaned'] : [])];
  parts.push(`<sub>${tags.join(' · ')}</sub>`);
  return parts.join('\n\n');
}

/** The metadata line of an article: source, date, place, tags. */
function metaLine(a: ArticleMeta): string {
  const bits = [
    a.sourcePath ?? a.sourceName,
    a.articleDate,
    a.place,
    a.tags.length > 0 ? `tags: ${a.tags.join(', ')}` : null,
  ].filter((x): x is string => Boolean(x));
  return `*${bits.join(' · ').replace(/\*/g, '\\*')}*`;
}

/** One article: title, metadata, body, and its highlights in text order. */
export function articleMarkdown(
  a: ArticleMeta & { body: string },
  highlights: readonly Highlight[],
): string {
  const parts = [`# ${plainHeading(a.title)}`, metaLine(a), a.body.trim()];
  const section = highlightsSection(highlights);
  if (section !== '') parts.push(section);
  return parts.join('\n\n');
}

/** An article's highlights in text order under "## Highlights"; empty when it has none. */
export function highlightsSection(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  return ['## Highlights', ...highlights.map(highlightBlock)].join('\n\n');
}

/** Highlights grouped by article (in the order given: newest first), as one document. */
export function highlightsMarkdown(list: readonly ExportedHighlight[], exportedAt: string): string {
  const byArticle = new Map<string, ExportedHighlight[]>();
  for (const h of list) {
    const group = byArticle.get(h.articleId);
    if (group) group.push(h);
    else byArticle.set(h.articleId, [h]);
  }
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = [
    '# Highlights',
    `*${count(list.length, 'highlight')} from ${count(byArticle.size, 'article')}, exported ${exportedAt.slice(0, 10)}*`,
  ];
  for (const group of byArticle.values()) {
    parts.push(`## ${plainHeading(group[0]!.title)}`);
    for (const h of group) parts.push(highlightBlock(h));
  }
  return parts.join('\n\n') + '\n';
}
