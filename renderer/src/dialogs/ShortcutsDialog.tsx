import { Dialog } from './Dialog';

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next article'],
  ['k / ↑', 'Previous article'],
  ['Shift + ↓ / ↑', 'Extend the selection'],
  ['Ctrl+A', 'Select every article in the list (with the list focused)'],
  ['Enter', 'Read the article (focus the reader)'],
  ['/', 'Search the library'],
  ['Ctrl+F', 'Find in the article (in the reader); search the library (elsewhere)'],
  ['Enter / Shift+Enter', 'Next / previous match of Find in article'],
  ['n / Shift+N (F3)', 'Next / previous search match'],
  ['h (Ctrl+Shift+H)', 'Highlight the text selected in the article'],
  ['t', 'Tag the article'],
  ['f', 'Favourite'],
  ['u', 'Mark read / unread'],
  ['Delete', 'Move to trash (undo in the notice)'],
  ['Ctrl+Z', 'Undo the last change (tags, trash, highlights), from dialogs too'],
  ['Esc', 'Close, clear the search or the selection'],
  ['F6', 'Move between sidebar, list and reader'],
  ['Ctrl+\\', 'Show / hide the sidebar'],
  ['Esc / Alt+←', 'Back to the list (narrow window)'],
  ['?', 'This list'],
];

/** The keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
