import { useEffect, useState } from 'react';

/** useState mirrored into localStorage under `key` (pane sizes and other view state). */
export function usePersistentState<T>(
  key: string,
  initial: T,
  valid: (v: unknown) => v is T,
): [T, (v: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw !== null) {
        const parsed: unknown = JSON.parse(raw);
        if (valid(parsed)) return parsed;
      }
    } catch {
      // Unreadable storage falls back to the default.
    }
    return initial;
  });
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage may be full or disabled; the value still works for this session.
    }
  }, [key, value]);
  return [value, setValue];
}

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
