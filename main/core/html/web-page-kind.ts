// Which imported files are saved web pages, decided by the file name alone: the import and
// every later read of the stored original must agree, and the name is all both have.
import { WEB_PAGE_EXTENSIONS } from '../../contract/import-rules';

/** How a saved web page is stored: a plain HTML file or an MHTML archive (MIME multipart). */
export type WebPageKind = 'html' | 'mhtml';

/** The kind of saved web page a file name names, or null for any other file. */
export function webPageKindOf(name: string): WebPageKind | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot).toLowerCase();
  if (!WEB_PAGE_EXTENSIONS.includes(ext)) return null;
  return ext.startsWith('.mht') ? 'mhtml' : 'html';
}
