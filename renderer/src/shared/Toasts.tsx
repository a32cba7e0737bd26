import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { subscribeDialogs, topDialog } from '../dialogs/dialog-stack';
import type { Toast } from './useToasts';

interface Props {
  toasts: Toast[];
  onDismiss(id: number): void;
}

/**
 * Notices at the bottom; an Undo button where the action can be undone. While a modal
 * dialog is open they render inside it: the dialog sits in the browser's top layer and
 * makes the rest of the page inert, so notices outside it would be hidden and unclickable.
 */
export function Toasts({ toasts, onDismiss }: Props) {
  const host = useSyncExternalStore(subscribeDialogs, topDialog);
  const notices = (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          <span>{t.message}</span>
          {t.undo && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onDismiss(t.id);
                void t.undo?.();
              }}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => onDismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
  return host ? createPortal(notices, host) : notices;
}
