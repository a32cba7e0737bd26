// A stored highlight as callers see it: placed in the article's clean body of today.
import type { Highlight, StoredHighlight } from '../../contract/highlights';
import { anchorRange, type Placed } from './anchor';

function view(articleId: string, h: StoredHighlight, at: Placed | null): Highlight {
  return {
    id: h.id,
    articleId,
    exact: h.selector[0].exact,
    note: h.note,
    color: h.color,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    start: at?.start ?? null,
    end: at?.end ?? null,
    orphaned: at === null,
  };
}

/** Places a stored highlight of `articleId` in `body` (orphaned when it cannot be found). */
export function placeHighlight(articleId: string, h: StoredHighlight, body: string): Highlight {
  return view(articleId, h, anchorRange(body, h.selector[0], h.selector[1]));
}

/**
 * Places a highlight without the text, when the text cannot have changed since it was made
 * (the cleaner's format is the one that made it): where its position selector says.
 */
export function placeAsStored(articleId: string, h: StoredHighlight): Highlight {
  return view(articleId, h, { start: h.selector[1].start, end: h.selector[1].end });
}
