import { useEffect, useRef } from 'react';

interface Handlers {
  /** Null when there is nothing to go back from. */
  back: (() => void) | null;
  /** Null when the sidebar is not open over the panes. */
  closeDrawer: (() => void) | null;
  /** Null where the app menu already owns Ctrl/Cmd+\ (Electron). */
  toggleSidebar: (() => void) | null;
  /** Set while the reader hides the list (and its search field): back to the list's search. */
  searchFromReader: (() => void) | null;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  t.closest('input, textarea, select, [contenteditable="true"]') !== null;

/**
 * The layout's keys: Esc or Alt+Left goes back to the list in the one-pane layout, Esc closes
 * the sidebar drawer, Ctrl/Cmd+\ toggles the sidebar, and `/` from the one-pane reader goes to
 * the list's search field. They run before the app's single-key
 * shortcuts, where Esc would close the article instead.
 */
export function usePaneKeys(handlers: Handlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key === '\\' && h.toggleSidebar) {
        e.preventDefault();
        h.toggleSidebar();
        return;
      }
      if (document.querySelector('dialog[open]') || isTyping(e.target)) return;
      if (e.key === '/' && !mod && !e.altKey && h.searchFromReader) {
        e.preventDefault();
        e.stopPropagation();
        h.searchFromReader();
        return;
      }
      const escape = e.key === 'Escape' && !mod && !e.altKey && !e.shiftKey;
      const altLeft = e.key === 'ArrowLeft' && e.altKey && !mod && !e.shiftKey;
      const action = escape ? (h.closeDrawer ?? h.back) : altLeft ? h.back : null;
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      action();
    };
    // Capture, so these come before the document's shortcut listener.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
