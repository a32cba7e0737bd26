// List selection as a pure reducer: click, ctrl/cmd-click, shift-click and keyboard moves.
// Rows are virtualised and paged, so the reducer receives a lookup from row index to id
// (undefined where the row is not loaded yet) rather than the whole list.

export interface SelectionState {
  /** Selected ids, in the order they were selected. */
  selected: string[];
  /** Row index shift-click ranges start from. */
  anchor: number | null;
  /** Row index of the keyboard cursor. */
  focus: number | null;
}

export type ClickMode = 'single' | 'toggle' | 'range';
export type IdAt = (index: number) => string | undefined;

export type SelectionAction =
  | { type: 'click'; index: number; mode: ClickMode; idAt: IdAt }
  | { type: 'move'; delta: number; count: number; extend?: boolean; idAt: IdAt }
  | { type: 'jump'; index: number; count: number; idAt: IdAt }
  | { type: 'select'; ids: string[]; focus?: number | null }
  | { type: 'clear' };

export const emptySelection: SelectionState = { selected: [], anchor: null, focus: null };

function rangeIds(from: number, to: number, idAt: IdAt): string[] {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const ids: string[] = [];
  for (let i = lo; i <= hi; i++) {
    const id = idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

function single(index: number, idAt: IdAt): SelectionState {
  const id = idAt(index);
  return { selected: id === undefined ? [] : [id], anchor: index, focus: index };
}

/** Applies one selection action; returns the same state object when nothing changes. */
export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'click': {
      const { index, idAt } = action;
      const id = idAt(index);
      if (id === undefined) return state;
      if (action.mode === 'toggle') {
        const has = state.selected.includes(id);
        return {
          selected: has ? state.selected.filter((s) => s !== id) : [...state.selected, id],
          anchor: index,
          focus: index,
        };
      }
      if (action.mode === 'range' && state.anchor !== null) {
        return {
          selected: rangeIds(state.anchor, index, idAt),
          anchor: state.anchor,
          focus: index,
        };
      }
      return single(index, idAt);
    }
    case 'move': {
      if (action.count === 0) return state;
      const from = state.focus ?? (action.delta > 0 ? -1 : action.count);
      const to = Math.min(action.count - 1, Math.max(0, from + action.delta));
      if (to === state.focus && state.selected.length > 0) return state;
      if (action.extend) {
        const anchor = state.anchor ?? to;
        return { selected: rangeIds(anchor, to, action.idAt), anchor, focus: to };
      }
      return single(to, action.idAt);
    }
    case 'jump': {
      if (action.count === 0) return state;
      return single(Math.min(action.count - 1, Math.max(0, action.index)), action.idAt);
    }
    case 'select':
      return {
        selected: [...new Set(action.ids)],
        anchor: action.focus ?? null,
        focus: action.focus ?? null,
      };
    case 'clear':
      return state.selected.length === 0 && state.focus === null ? state : emptySelection;
  }
}

/** The click mode for a mouse event's modifier keys. */
export function clickMode(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): ClickMode {
  if (e.shiftKey) return 'range';
  if (e.ctrlKey || e.metaKey) return 'toggle';
  return 'single';
}
