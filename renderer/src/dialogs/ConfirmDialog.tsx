import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  /** What will happen; titles inside it should be isolated (<bdi>) for bidi text. */
  message: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  fallbackFocus?(): HTMLElement | null;
}

/** Asks before something that cannot be undone; Cancel has focus, so Enter is safe. */
export function ConfirmDialog(props: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      initialFocus={cancel}
      fallbackFocus={props.fallbackFocus}
    >
      <p className="confirm-message" dir="auto">
        {props.message}
      </p>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
