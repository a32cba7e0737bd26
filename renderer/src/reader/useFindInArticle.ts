// Find within the open article: matches are found in the rendered text nodes and painted with
// the CSS Custom Highlight API, so nothing in React's DOM is changed and every view (clean
// text, Markdown, original) can be searched the same way.
import { useLayoutEffect, useMemo, useState } from 'react';
import { findInText } from './find-in-text';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, td, th, dd, dt';
const MATCH = 'find-match';
const CURRENT = 'find-current';

interface Piece {
  node: Text;
  /** Offset of the node's text in the joined text. */
  at: number;
}

/** The container's text nodes joined, a line break between blocks so no match spans two. */
function collectText(root: HTMLElement): { text: string; pieces: Piece[] } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces: Piece[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    if (pieces.length > 0 && block !== lastBlock) text += '\n';
    lastBlock = block;
    pieces.push({ node, at: text.length });
    text += node.data;
  }
  return { text, pieces };
}

/** The node and offset holding character `offset` of the joined text. */
function locate(pieces: Piece[], offset: number, isEnd: boolean): [Text, number] {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = pieces[mid]!;
    if (p.at < offset || (!isEnd && p.at === offset)) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo]!;
  return [p.node, Math.min(p.node.data.length, offset - p.at)];
}

function findRanges(root: HTMLElement, needle: string): Range[] {
  const { text, pieces } = collectText(root);
  return findInText(text, needle).map((r) => {
    const range = document.createRange();
    range.setStart(...locate(pieces, r.start, false));
    range.setEnd(...locate(pieces, r.end, true));
    return range;
  });
}

// The Highlight API is in Chromium (and so Electron); where it is missing, counting and
// scrolling still work.
function paint(name: string, ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') {
    return;
  }
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

export interface FindState {
  count: number;
  /** Index of the current match (0 when there are none). */
  current: number;
}

/**
 * Finds `needle` in `root` whenever it, the step or `renderKey` (what is shown) changes, paints
 * the matches and scrolls the current one into view.
 */
export function useFindInArticle(
  root: HTMLElement | null,
  needle: string,
  steps: number,
  renderKey: unknown,
): FindState {
  const [ranges, setRanges] = useState<Range[]>([]);
  // Layout effects: the marks change in the same task as the text or the bar, never a frame late.
  useLayoutEffect(() => {
    const found = root && needle.trim() ? findRanges(root, needle) : [];
    setRanges(found);
    paint(MATCH, found);
    if (found.length === 0) paint(CURRENT, []);
  }, [root, needle, renderKey]);
  const count = ranges.length;
  const current = count === 0 ? 0 : ((steps % count) + count) % count;
  useLayoutEffect(() => {
    const range = ranges[current];
    paint(CURRENT, range ? [range] : []);
    // (jsdom has no scrollIntoView.)
    range?.startContainer.parentElement?.scrollIntoView?.({ block: 'center' });
  }, [ranges, current]);
  useLayoutEffect(
    () => () => {
      paint(MATCH, []);
      paint(CURRENT, []);
    },
    [],
  );
  return useMemo(() => ({ count, current }), [count, current]);
}
