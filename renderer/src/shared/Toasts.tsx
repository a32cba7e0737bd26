import type { Toast } from './useToasts';

interface Props {
  toasts: Toast[];
  onDismiss(id: number): void;
}

/** Notices at the bottom; an Undo button where the action can be undone. */
export function Toasts({ toasts, onDismiss }: Props) {
  return (
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
}
