// Ctrl/Cmd+F depends on where focus is: in the reader it finds within the article, elsewhere
// it goes to the library search. The app menu's Find asks the reader first through this event.
export const FIND_REQUEST_EVENT = 'reader-find-request';

/** Opens find-in-article when focus is inside the reader; false when it is not. */
export function requestFindInReader(): boolean {
  const reader = document.activeElement?.closest('.reader');
  if (!reader) return false;
  reader.dispatchEvent(new CustomEvent(FIND_REQUEST_EVENT));
  return true;
}
