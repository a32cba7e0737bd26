// The reader's highlight changes, each failure told in a notice and a deletion undoable from
// its notice (and Ctrl/Cmd+Z) like the app's other changes.
import type { Highlight, HighlightPatch, NewHighlight } from '../../../main/contract/highlights';
import { errorMessage } from '../../../main/contract/error-message';
import type { ApiClient } from '../api/client';

type Push = (message: string, undo?: () => Promise<unknown> | void) => void;

export interface HighlightActions {
  /** The placed highlight, or null once the failure has been told. */
  addHighlight(args: NewHighlight): Promise<Highlight | null>;
  updateHighlight(patch: HighlightPatch): Promise<Highlight | null>;
  /**
   * Removes a highlight; its notice offers Undo, which puts it back and hands it to
   * `restored`. Resolves false when the removal failed (and was told).
   */
  removeHighlight(id: string, restored?: (h: Highlight) => void): Promise<boolean>;
}

/** Highlight actions over `api`, reporting through `push`. */
export function highlightActions(api: ApiClient, push: Push): HighlightActions {
  const told =
    (what: string) =>
    (e: unknown): null => {
      push(`${what}: ${errorMessage(e)}`);
      return null;
    };
  return {
    addHighlight: (args) =>
      api.call('addHighlight', args).catch(told('The passage was not highlighted')),
    updateHighlight: (patch) =>
      api.call('updateHighlight', patch).catch(told('The highlight was not changed')),
    removeHighlight: (id, restored) =>
      api.call('removeHighlight', { id }).then(
        (removed) => {
          push('Deleted the highlight', () =>
            api.call('restoreHighlight', removed).then((h) => restored?.(h)),
          );
          return true;
        },
        (e: unknown) => told('The highlight was not deleted')(e) !== null,
      ),
  };
}
