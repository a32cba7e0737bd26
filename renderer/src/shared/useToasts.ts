import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../main/contract/error-message';

export interface Toast {
  id: number;
  message: string;
  /** Undo action; the toast offers a button when present. */
  undo?: () => Promise<unknown> | void;
}

interface Undoable {
  id: number;
  message: string;
  undo: () => Promise<unknown> | void;
}

let nextId = 1;

/** Undoable actions Ctrl/Cmd+Z can still reach after their notice has gone. */
const UNDO_DEPTH = 20;
const NOTICE_MS = 8000;

// Fields where Ctrl/Cmd+Z is the field's own undo of typing.
const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
]);

/**
 * True for an element that takes typed text (so Ctrl/Cmd+Z belongs to it). A field marked
 * `data-app-undo` holds nothing typed to undo (e.g. a tag's name as saved), so it is not.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.dataset.appUndo !== undefined) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Short-lived notices with optional undo. Ctrl/Cmd+Z anywhere in the window (dialogs
 * included, text fields excepted) undoes the most recent undoable action.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const undoable = useRef<Undoable[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((t) => t.filter((x) => x.id !== id));
  }, []);
  const push = useCallback(
    (message: string, undo?: Toast['undo']): number => {
      const id = nextId++;
      const toast: Toast = { id, message };
      if (undo) {
        const entry: Undoable = { id, message, undo };
        undoable.current = [...undoable.current.slice(1 - UNDO_DEPTH), entry];
        // The button and the shortcut run the same once-only undo.
        toast.undo = () => runUndo(entry);
      }
      setToasts((t) => [...t.slice(-2), toast]);
      setTimeout(() => dismiss(id), NOTICE_MS);
      return id;
    },
    // runUndo is hoisted and only reads refs and these callbacks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dismiss],
  );
  /** Runs an undo once, then says it was undone (or why not). */
  function runUndo(entry: Undoable): void {
    if (!undoable.current.some((u) => u.id === entry.id)) return;
    undoable.current = undoable.current.filter((u) => u.id !== entry.id);
    dismiss(entry.id);
    Promise.resolve()
      .then(entry.undo)
      .then(
        () => push(`Undone: ${entry.message}`),
        (e: unknown) => push(`Could not undo: ${errorMessage(e)}`),
      );
  }
  const undoLast = useCallback(() => {
    const last = undoable.current[undoable.current.length - 1];
    if (last) runUndo(last);
    else push('Nothing to undo');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [push]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() !== 'z' || e.defaultPrevented || isTextEntry(e.target)) return;
      e.preventDefault();
      undoLast();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undoLast]);

  return { toasts, push, dismiss, undoLast };
}
