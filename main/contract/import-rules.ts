// Which files found inside a folder are articles: the one rule set for the engine's folder walk
// and the renderer's walk of dropped folders (a browser build hands folders over as entries).

/** Extensions of saved web pages: HTML, and MHTML single-file archives (.mhtml, .mht). */
export const WEB_PAGE_EXTENSIONS: readonly string[] = ['.html', '.htm', '.mhtml', '.mht'];

/**
 * File extensions (lower case, with the dot) that count as articles inside folders, and that
 * the Import Files… dialog offers: text files and saved web pages.
 */
export const ARTICLE_EXTENSIONS: readonly string[] = [
  '.txt',
  '.text',
  '.md',
  ...WEB_PAGE_EXTENSIONS,
];

// A collection's own documentation (README.md, ORIGINAL-README.TXT, LICENSE.txt) sits beside
// its articles with article extensions; in folders it is skipped, named explicitly it is not.
const COLLECTION_DOCS =
  /(^|[-_.])(readme|licen[cs]e|copying|changelog|changes|contributing|authors)([-_.]|$)/i;

/** The extension of a file name, lower case with its dot ('' when it has none). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** True when a file found in a folder should be imported (a file named explicitly always is). */
export function isArticleName(name: string): boolean {
  if (name.startsWith('.')) return false;
  const ext = extensionOf(name);
  if (!ARTICLE_EXTENSIONS.includes(ext)) return false;
  return !COLLECTION_DOCS.test(name.slice(0, name.length - ext.length));
}

/**
 * True for a folder met inside a walked folder that is skipped: hidden folders (.git, .cache,
 * .Trash) hold tooling, not articles. A folder chosen or dropped itself is always walked.
 */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.');
}
