import { useEffect, useRef } from 'react';

export interface KeyCommands {
  focusSearch(): void;
  move(delta: 1 | -1): void;
  stepMatch(delta: 1 | -1): void;
  tag(): void;
  favourite(): void;
  toggleRead(): void;
  trash(): void;
  escape(): void;
  shortcuts(): void;
  cyclePanes(delta: 1 | -1): void;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  t.closest('input, textarea, select, [contenteditable="true"], dialog') !== null;

/** The app's single-key shortcuts; ignored while typing and inside dialogs. */
export function useKeyboard(commands: KeyCommands): void {
  const ref = useRef(commands);
  useEffect(() => {
    ref.current = commands;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const c = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        c.focusSearch();
        return;
      }
      if (e.key === 'F3') {
        e.preventDefault();
        c.stepMatch(e.shiftKey ? -1 : 1);
        return;
      }
      if (e.key === 'F6') {
        e.preventDefault();
        c.cyclePanes(e.shiftKey ? -1 : 1);
        return;
      }
      // A modal dialog owns the keyboard (Esc closes it), even when focus fell to the body.
      if (document.querySelector('dialog[open]')) return;
      if (e.defaultPrevented || mod || e.altKey || isTyping(e.target)) return;
      const actions: Record<string, () => void> = {
        '/': c.focusSearch,
        '?': c.shortcuts,
        j: () => c.move(1),
        k: () => c.move(-1),
        n: () => c.stepMatch(1),
        N: () => c.stepMatch(-1),
        t: c.tag,
        f: c.favourite,
        u: c.toggleRead,
        Delete: c.trash,
        Escape: c.escape,
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
