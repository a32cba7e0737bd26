// Maps a DOM selection in the reader's body to offsets in the article's clean body. Each
// paragraph element carries its offset in the body (data-start) and holds only the body's text
// (marks included), so a point's offset is its paragraph's plus the text before it there.
import type { TextRange } from '../../../main/contract/types';

const PARAGRAPH = 'p[data-start]';

const startOf = (p: Element): number => Number((p as HTMLElement).dataset.start ?? 0);

/** The offset in the body of a boundary point inside `bodyEl`. */
function pointOffset(bodyEl: Element, node: Node, offset: number): number {
  const el = node instanceof Element ? node : node.parentElement;
  const p = el?.closest(PARAGRAPH);
  if (p && bodyEl.contains(p)) {
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(node, offset);
    return startOf(p) + before.toString().length;
  }
  // Between paragraphs: the start of the next one, or the end of the last.
  const paragraphs = [...bodyEl.querySelectorAll(PARAGRAPH)];
  for (const q of paragraphs) {
    const range = document.createRange();
    range.selectNode(q);
    if (range.comparePoint(node, offset) < 0) return startOf(q);
  }
  const last = paragraphs[paragraphs.length - 1];
  return last ? startOf(last) + (last.textContent ?? '').length : 0;
}

/**
 * The part of `range` inside the body as [start, end) in `body`, without the white space at
 * either end; null when the range is empty, outside the body, or only white space.
 */
export function rangeToBodyOffsets(bodyEl: Element, range: Range, body: string): TextRange | null {
  if (range.collapsed) return null;
  const whole = document.createRange();
  whole.selectNodeContents(bodyEl);
  const startSide = whole.comparePoint(range.startContainer, range.startOffset);
  const endSide = whole.comparePoint(range.endContainer, range.endOffset);
  // Entirely before or after the body.
  if (startSide > 0 || endSide < 0) return null;
  let start = startSide < 0 ? 0 : pointOffset(bodyEl, range.startContainer, range.startOffset);
  let end = endSide > 0 ? body.length : pointOffset(bodyEl, range.endContainer, range.endOffset);
  start = Math.max(0, Math.min(start, body.length));
  end = Math.max(start, Math.min(end, body.length));
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The current selection in `bodyEl` as body offsets, with the selection's range. */
export function selectionInBody(
  bodyEl: Element,
  body: string,
): { offsets: TextRange; range: Range } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const offsets = rangeToBodyOffsets(bodyEl, range, body);
  return offsets ? { offsets, range } : null;
}
