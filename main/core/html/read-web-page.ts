// A saved web page (HTML or MHTML) read into the text its article is cleaned from, with the
// facts its metadata gives.
import type { DecodedText } from '../text/decode';
import { decodeWithEncoding } from '../text/decode';
import { canonicalCharset } from './declared-charset';
import { decodeHtml } from './decode-html';
import { extractArticle } from './extract-article';
import { mhtmlPage } from './mhtml-part';
import { pageText } from './page-text';
import { publishedDateOf } from './published-date';
import type { WebPageKind } from './web-page-kind';

/** What a page's metadata says about its article (null where it says nothing). */
export interface WebPageFacts {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** The published time's date (YYYY-MM-DD). */
  articleDate: string | null;
}

/** A page read for import: `decoded.text` is the article as text, ready for cleaning. */
export interface ReadWebPage {
  decoded: DecodedText;
  facts: WebPageFacts;
}

/** Decodes a page and extracts its article; a DecodeError says why it cannot be imported. */
export function readWebPage(bytes: Uint8Array, kind: WebPageKind): ReadWebPage {
  let html: Uint8Array = bytes;
  let declared: string | null = null;
  if (kind === 'mhtml') {
    const page = mhtmlPage(bytes);
    html = page.bytes;
    declared = page.charset === null ? null : canonicalCharset(page.charset);
  }
  const decoded = decodeHtml(html, declared);
  const article = extractArticle(decoded.text);
  return {
    decoded: { ...decoded, text: pageText(article) },
    facts: {
      title: article.title || null,
      byline: article.byline,
      siteName: article.siteName,
      articleDate: publishedDateOf(article.publishedTime),
    },
  };
}

/**
 * The article text of a stored page, from its original bytes and the encoding found at
 * import: the same text the import cleaned, so offsets into the body stay valid.
 */
export function storedWebPageText(bytes: Uint8Array, kind: WebPageKind, encoding: string): string {
  const html = kind === 'mhtml' ? mhtmlPage(bytes).bytes : bytes;
  return pageText(extractArticle(decodeWithEncoding(html, encoding)));
}
