// The text a stored article is cleaned from on every read: the decoded original for a text
// file, the extracted article for a saved web page.
import type { StoredArticle } from '../store/article-file';
import { decodeWithEncoding } from '../text/decode';
import { articleBlocks } from './article-blocks';
import { storedWebPageText } from './read-web-page';
import { mhtmlPage } from './mhtml-part';
import { webPageKindOf, type WebPageKind } from './web-page-kind';
import type * as Linkedom from 'linkedom';
import { lazyPackage } from '../lazy-package';
import type { DomNode } from './dom-node';

// Extraction costs milliseconds where decoding costs microseconds, and opening an article,
// its snippets and its highlights read the same one again and again.
const KEPT = 32;
const linkedom = lazyPackage<typeof Linkedom>('linkedom');
const kept = new Map<string, string>();

/**
 * The text to clean for a stored article: its decoded original (`decoded` when the caller
 * has it already) unless it is a web page.
 */
export function sourceTextOf(stored: StoredArticle, decoded?: string): string {
  const { record, original } = stored;
  const kind = webPageKindOf(record.sourceName);
  if (kind === null) return decoded ?? decodeWithEncoding(original, record.encoding);
  // The id is the content hash: the same id always has the same bytes.
  const key = `${record.id}\u0000${record.encoding}`;
  const hit = kept.get(key);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    text = storedWebPageText(original, kind, record.encoding);
  } catch {
    // Imported by a version whose extraction found an article where this one finds none:
    // the page's whole text is still better than nothing.
    text = wholePageText(original, kind, record.encoding);
  }
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, text);
  return text;
}

function wholePageText(bytes: Uint8Array, kind: WebPageKind, encoding: string): string {
  try {
    const html = decodeWithEncoding(kind === 'mhtml' ? mhtmlPage(bytes).bytes : bytes, encoding);
    const { document } = linkedom().parseHTML(html) as unknown as {
      document: { body: DomNode | null };
    };
    return document.body ? articleBlocks(document.body).join('\n\n') : '';
  } catch {
    // Never markup as text: the original stays available as it is.
    return '';
  }
}
