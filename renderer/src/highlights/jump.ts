// Opening an article at a highlight from elsewhere (the Highlights view): the request waits
// here until the reader has that article on screen, then the reader scrolls to the passage.
import { useSyncExternalStore } from 'react';

export interface JumpRequest {
  articleId: string;
  highlightId: string;
}

let pending: JumpRequest | null = null;
const listeners = new Set<() => void>();

/** Asks the reader to scroll to a highlight once its article is shown. */
export function requestJump(articleId: string, highlightId: string): void {
  pending = { articleId, highlightId };
  listeners.forEach((l) => l());
}

/** Drops the request once it has been served. */
export function clearJump(request: JumpRequest): void {
  if (pending !== request) return;
  pending = null;
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The request waiting to be served, if any. */
export function useJumpRequest(): JumpRequest | null {
  return useSyncExternalStore(subscribe, () => pending);
}

const FLASH_MS = 1600;

/** Scrolls the highlight's passage in `root` into view and flashes it; false when not drawn. */
export function flashHighlight(root: Element, id: string): boolean {
  const marks = [...root.querySelectorAll<HTMLElement>('mark[data-highlight]')].filter(
    (m) => m.dataset.highlight === id,
  );
  if (marks.length === 0) return false;
  // (jsdom has no scrollIntoView.)
  marks[0]!.scrollIntoView?.({ block: 'center' });
  for (const m of marks) {
    m.classList.remove('hl-flash');
    // Restart the animation when the same passage is asked for twice.
    void m.offsetWidth;
    m.classList.add('hl-flash');
  }
  setTimeout(() => marks.forEach((m) => m.classList.remove('hl-flash')), FLASH_MS);
  return true;
}
