import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { pushDialog } from './dialog-stack';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Focused when the dialog opens; the browser's choice (the first control) otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on close when the control that opened the dialog is gone. */
  fallbackFocus?(): HTMLElement | null;
}

const focusable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && el !== document.body && !el.matches(':disabled');

/**
 * A modal <dialog>: the browser traps focus and Esc closes it. Focus goes back to the
 * control that opened it on close (React removes the element, so the browser cannot).
 */
export function Dialog({ title, onClose, children, initialFocus, fallbackFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const fallback = useRef(fallbackFocus);
  useEffect(() => {
    fallback.current = fallbackFocus;
  });
  // A layout effect, so the opener is read before anything inside the dialog takes focus,
  // and focus is handed back before the dialog leaves the page.
  useLayoutEffect(() => {
    const el = ref.current;
    const opener = document.activeElement;
    if (el && !el.open) el.showModal?.();
    const popDialog = el ? pushDialog(el) : () => undefined;
    initialFocus?.current?.focus();
    return () => {
      el?.close?.();
      popDialog();
      // Focus still inside the dialog (or lost) goes back; focus already moved elsewhere stays.
      const active = document.activeElement;
      if (active && active !== document.body && !el?.contains(active)) return;
      const target = focusable(opener) ? opener : (fallback.current?.() ?? null);
      target?.focus();
    };
    // The dialog opens once per mount; initialFocus is read then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(e) => {
        // React passes a nested dialog's cancel (Esc) up to this one: close only the topmost.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
