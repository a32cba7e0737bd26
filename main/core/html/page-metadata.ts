// What a page says about itself that Readability does not read: the published time of a
// <time> element or of a meta tag it does not know. Read before Readability, which changes
// the document.
import type { DomDocument, DomNode } from './dom-node';

// Meta tags naming the publication time, most specific first (attribute, value); Readability
// already reads article:published_time, parsely-pub-date and JSON-LD datePublished.
const DATE_METAS: readonly [string, string][] = [
  ['property', 'article:published_time'],
  ['itemprop', 'datepublished'],
  ['name', 'dcterms.date'],
  ['name', 'dc.date.issued'],
  ['name', 'date'],
  ['name', 'pubdate'],
  ['name', 'publish-date'],
  ['property', 'og:published_time'],
];

/** The page's published time from its meta tags or first dated <time>, as written, or null. */
export function publishedTimeOf(doc: DomDocument): string | null {
  // One walk of the document: a selector per tag costs a walk each on a large page.
  const nodes = Array.from(doc.querySelectorAll('meta[content], time'));
  const attr = (n: DomNode, name: string): string => n.getAttribute?.(name)?.trim() ?? '';
  const metas = nodes.filter((n) => n.nodeName.toUpperCase() === 'META');
  for (const [name, value] of DATE_METAS) {
    const meta = metas.find((m) => attr(m, name).toLowerCase() === value && attr(m, 'content'));
    if (meta) return attr(meta, 'content');
  }
  const times = nodes.filter((n) => n.nodeName.toUpperCase() === 'TIME');
  const time =
    times.find((t) => t.getAttribute?.('pubdate') != null && attr(t, 'datetime')) ??
    times.find((t) => attr(t, 'itemprop').toLowerCase() === 'datepublished') ??
    times.find((t) => attr(t, 'datetime'));
  if (!time) return null;
  return attr(time, 'datetime') || time.textContent?.trim() || null;
}
