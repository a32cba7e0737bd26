// The modal dialogs open right now, topmost last. A modal <dialog> makes the rest of the page
// inert, so anything that must stay usable while one is open (the notices and their Undo)
// renders inside the topmost one; this is how it finds it.
type Listener = () => void;

let stack: readonly HTMLDialogElement[] = [];
const listeners = new Set<Listener>();

const changed = () => {
  for (const listener of listeners) listener();
};

/** Records a dialog as open (on top of any other); returns the function that removes it. */
export function pushDialog(dialog: HTMLDialogElement): () => void {
  stack = [...stack.filter((d) => d !== dialog), dialog];
  changed();
  return () => {
    stack = stack.filter((d) => d !== dialog);
    changed();
  };
}

/** The topmost open modal dialog, or null. */
export const topDialog = (): HTMLDialogElement | null => stack[stack.length - 1] ?? null;

/** Calls `listener` whenever a dialog opens or closes; returns the unsubscribe function. */
export function subscribeDialogs(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
