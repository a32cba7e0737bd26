// Turns the article element Readability kept into plain-text blocks: one line per paragraph
// or heading, a list's items as "- " lines of one block, preformatted text with its lines.
// Only text nodes are read, so no markup survives.
import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom-node';

// Elements that end the running paragraph and start a new one.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
// Never text, whatever Readability left in (it removes most of them already).
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'SOURCE',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** The text blocks of an element, in document order, blank ones left out. */
export function articleBlocks(root: DomNode): string[] {
  const blocks: string[] = [];
  let line = '';
  let items: string[] | null = null;
  const flush = (): void => {
    const text = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    line = '';
    if (text === '') return;
    if (items) items.push(`- ${text}`);
    else blocks.push(text);
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      flush();
      return;
    }
    if (name === 'PRE') {
      flush();
      const pre = (node.textContent ?? '').replace(/^\n|\s+$/g, '');
      if (pre.trim() !== '') blocks.push(pre);
      return;
    }
    const isList = (name === 'UL' || name === 'OL') && items === null;
    const block = BLOCKS.has(name);
    if (block) flush();
    if (isList) items = [];
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    if (isList && items) {
      if (items.length > 0) blocks.push(items.join('\n'));
      items = null;
    }
  };
  walk(root);
  flush();
  return blocks;
}
