import { Dialog } from './Dialog';

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next article'],
  ['k / ↑', 'Previous article'],
  ['Shift + ↓ / ↑', 'Extend the selection'],
  ['Enter', 'Read the article (focus the reader)'],
  ['/ or Ctrl+F', 'Search'],
  ['n / Shift+N (F3)', 'Next / previous match'],
  ['t', 'Tag the article'],
  ['f', 'Favourite'],
  ['u', 'Mark read / unread'],
  ['Delete', 'Move to trash (undo in the notice)'],
  ['Esc', 'Close, clear the search or the selection'],
  ['F6', 'Move between sidebar, list and reader'],
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
