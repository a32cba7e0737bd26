import { useCallback, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  /** Undo action; the toast offers a button when present. */
  undo?: () => Promise<unknown> | void;
}

let nextId = 1;

/** Short-lived notices with optional undo. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((t) => t.filter((x) => x.id !== id));
  }, []);
  const push = useCallback(
    (message: string, undo?: Toast['undo']) => {
      const id = nextId++;
      setToasts((t) => [...t.slice(-2), { id, message, undo }]);
      setTimeout(() => dismiss(id), 8000);
      return id;
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}
