// Extracts the article of an HTML page with Mozilla's Readability on linkedom, a DOM without
// a script engine or a network stack: scripts are never run and nothing is fetched.
import type * as MozillaReadability from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { lazyPackage } from '../lazy-package';
import { DecodeError } from '../text/decode';
import { articleBlocks } from './article-blocks';
import { ELEMENT_NODE, type DomDocument, type DomNode } from './dom-node';
import { publishedTimeOf } from './page-metadata';
import { removeAdvertising } from './advertising';

/** The readable part of a page and what the page says about it. */
export interface ExtractedArticle {
  /** The page's title for the article ("" when it has none). */
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The published time as the page writes it (meta, JSON-LD or <time>), or null. */
  publishedTime: string | null;
  /** Paragraphs, headings, lists (one "- " line per item) and preformatted blocks. */
  blocks: string[];
}

// Below this the "article" is a form, an error page or a teaser, not something to read.
const MIN_WORDS = 30;
// Share of the text inside links above which the main text is a list of links (an index).
const MAX_LINK_SHARE = 0.5;
// Readability's work grows faster than the page (16,000 elements take ~0.5 s); past this a
// page would hold an import for many seconds. News pages have a few thousand.
const MAX_ELEMENTS = 100_000;

const linkedom = lazyPackage<typeof Linkedom>('linkedom');
const readability = lazyPackage<typeof MozillaReadability>('@mozilla/readability');

/** The article of a page; a DecodeError saying why when the page has none. */
export function extractArticle(html: string): ExtractedArticle {
  const { document } = linkedom().parseHTML(html) as unknown as {
    document: DomDocument & Parameters<typeof removeAdvertising>[0];
  };
  // Counted here: Readability's own limit counts getElementsByTagName('*'), which linkedom
  // answers with nothing.
  if (document.querySelectorAll('*').length > MAX_ELEMENTS) {
    throw new DecodeError(
      `the page is too large to read (over ${MAX_ELEMENTS.toLocaleString('en-US')} elements)`,
    );
  }
  const publishedMeta = publishedTimeOf(document);
  removeAdvertising(document);
  const parsed = new (readability().Readability)<DomNode>(document as never, {
    serializer: (node: DomNode) => node,
  }).parse();
  const root = parsed?.content;
  if (!parsed || !root) throw noArticle('no main text was found');
  const title = oneLine(parsed.title);
  const blocks = articleBlocks(root);
  // Readability keeps a heading that repeats the title when it cannot compare the words
  // (its word split is ASCII only); the title is shown once.
  if (blocks.length > 0 && sameText(blocks[0]!, title)) blocks.shift();
  const text = blocks.join(' ');
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < MIN_WORDS) throw noArticle(`its main text has only ${words} words`);
  if (linkText(root) > text.length * MAX_LINK_SHARE) {
    throw noArticle('its main text is mostly links');
  }
  return {
    title,
    // "By Jane Doe" from a byline element; the name is what the record keeps.
    byline: oneLine(parsed.byline).replace(/^by\s+/i, '') || null,
    siteName: oneLine(parsed.siteName) || null,
    publishedTime: oneLine(parsed.publishedTime) || publishedMeta,
    blocks,
  };
}

function noArticle(why: string): DecodeError {
  return new DecodeError(`the page has no readable article (${why})`);
}

function oneLine(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/gu, ' ').trim();
}

function sameText(a: string, b: string): boolean {
  const fold = (s: string): string => oneLine(s).toLocaleLowerCase();
  return b !== '' && fold(a) === fold(b);
}

/** Characters of text inside links below a node. */
function linkText(node: DomNode): number {
  if (node.nodeType !== ELEMENT_NODE) return 0;
  if (node.nodeName.toUpperCase() === 'A') return oneLine(node.textContent).length;
  let total = 0;
  for (const child of Array.from(node.childNodes)) total += linkText(child);
  return total;
}
