/** Where a toolbar or popover attaches: a rectangle in the scroller's content coordinates. */
export interface Anchor {
  top: number;
  bottom: number;
  /** Horizontal centre. */
  x: number;
}

/** The rectangle `rect` (viewport coordinates) in `scroller`'s scrolled content. */
export function anchorIn(scroller: HTMLElement, rect: DOMRect | null): Anchor {
  const box = scroller.getBoundingClientRect();
  if (!rect) return { top: scroller.scrollTop, bottom: scroller.scrollTop, x: box.width / 2 };
  const top = rect.top - box.top + scroller.scrollTop;
  return {
    top,
    bottom: top + rect.height,
    x: rect.left - box.left + scroller.scrollLeft + rect.width / 2,
  };
}

/** A range's bounding rectangle (null where the DOM cannot lay it out, as in jsdom). */
export function rangeRect(range: Range): DOMRect | null {
  return typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
}

const MARGIN = 8;

/**
 * Inline style for a floating box of `width` × `height` near `anchor`: above it when there is
 * room in view, else below; kept inside the scroller's width.
 */
export function floatingStyle(
  anchor: Anchor,
  scroller: HTMLElement | null,
  width: number,
  height: number,
  prefer: 'above' | 'below',
): { top: number; left: number } {
  const viewTop = scroller?.scrollTop ?? 0;
  const room = scroller?.clientWidth || width + 2 * MARGIN;
  const aboveFits = anchor.top - height - MARGIN >= viewTop;
  const above = prefer === 'above' ? aboveFits : false;
  const top = above ? anchor.top - height - MARGIN : anchor.bottom + MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.x - width / 2, room - width - MARGIN));
  return { top, left };
}
