// The Highlights view's filters while it is shown, so the menu's Export Highlights… exports what
// the view lists (and everything when the view is not open).
import type { HighlightQuery } from '../../../main/contract/highlights';

let shown: HighlightQuery | null = null;

/** Records the filters the Highlights view shows (null when it closes). */
export function setShownHighlightQuery(query: HighlightQuery | null): void {
  shown = query;
}

/** What Export Highlights… should export now. */
export function highlightExportQuery(): HighlightQuery {
  return shown ?? {};
}
