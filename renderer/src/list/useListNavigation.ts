// Moving through the list: row clicks, arrow keys in the list, and the cursor after a trash.
import {
  useCallback,
  useEffect,
  useRef,
  type Dispatch,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { clickMode, type SelectionAction, type SelectionState } from './selection';

interface Options {
  selection: SelectionState;
  select: Dispatch<SelectionAction>;
  total: number;
  /** Changes whenever a first page of rows lands. */
  generation: number;
  idAt(index: number): string | undefined;
  focusList(): void;
  focusReader(): void;
}

/** Selection moves for the list, by mouse and keyboard. */
export function useListNavigation(o: Options) {
  const { select, total, idAt, generation, focusList } = o;
  const pendingFocus = useRef<{ index: number; gone: Set<string> } | null>(null);

  // After a trash, the row that moved into the trashed row's place gets the cursor.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const id = idAt(pending.index);
    if (id === undefined || pending.gone.has(id)) return;
    pendingFocus.current = null;
    select({ type: 'jump', index: pending.index, count: total, idAt });
  }, [generation, total, idAt, select]);

  const move = (delta: 1 | -1, extend = false) =>
    select({ type: 'move', delta, count: total, extend, idAt });

  /** The rows with these ids are leaving the list: the cursor stays at their place. */
  const expectGone = (ids: string[]) => {
    pendingFocus.current = { index: o.selection.focus ?? 0, gone: new Set(ids) };
  };

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      select({ type: 'click', index, mode: clickMode(e), idAt });
      focusList();
    },
    [idAt, select, focusList],
  );

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const focus = o.selection.focus;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, e.shiftKey),
      ArrowUp: () => move(-1, e.shiftKey),
      Home: () => select({ type: 'jump', index: 0, count: total, idAt }),
      End: () => select({ type: 'jump', index: total - 1, count: total, idAt }),
      Enter: o.focusReader,
      ' ': () => focus !== null && select({ type: 'click', index: focus, mode: 'toggle', idAt }),
    };
    const action = keys[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  };

  /** Another query or filter: rows expected to leave the old list say nothing about the new. */
  const forgetGone = useCallback(() => {
    pendingFocus.current = null;
  }, []);

  return { move, expectGone, forgetGone, onRowClick, onListKey };
}
