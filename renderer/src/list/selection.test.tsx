import { describe, expect, it } from 'vitest';
import { clickMode, emptySelection, selectionReducer, type SelectionState } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const idAt = (i: number) => ids[i];

const click = (s: SelectionState, index: number, mode: 'single' | 'toggle' | 'range') =>
  selectionReducer(s, { type: 'click', index, mode, idAt });

describe('selectionReducer', () => {
  it('a plain click selects one row and sets the anchor', () => {
    const s = click(click(emptySelection, 1, 'single'), 3, 'single');
    expect(s).toEqual({ selected: ['d'], anchor: 3, focus: 3 });
  });

  it('ctrl/cmd-click toggles rows in and out', () => {
    let s = click(emptySelection, 0, 'single');
    s = click(s, 2, 'toggle');
    s = click(s, 4, 'toggle');
    expect(s.selected).toEqual(['a', 'c', 'e']);
    s = click(s, 2, 'toggle');
    expect(s.selected).toEqual(['a', 'e']);
  });

  it('shift-click selects the range from the anchor, in either direction', () => {
    let s = click(emptySelection, 2, 'single');
    s = click(s, 5, 'range');
    expect(s.selected).toEqual(['c', 'd', 'e', 'f']);
    s = click(s, 0, 'range');
    expect(s.selected).toEqual(['a', 'b', 'c']);
    expect(s.anchor).toBe(2);
  });

  it('skips rows that are not loaded yet in a range', () => {
    const sparse = (i: number) => (i === 3 ? undefined : ids[i]);
    let s = selectionReducer(emptySelection, {
      type: 'click',
      index: 1,
      mode: 'single',
      idAt: sparse,
    });
    s = selectionReducer(s, { type: 'click', index: 4, mode: 'range', idAt: sparse });
    expect(s.selected).toEqual(['b', 'c', 'e']);
  });

  it('moves with the keyboard, clamped to the list, and extends with shift', () => {
    let s = selectionReducer(emptySelection, { type: 'move', delta: 1, count: 6, idAt });
    expect(s).toEqual({ selected: ['a'], anchor: 0, focus: 0 });
    s = selectionReducer(s, { type: 'move', delta: -1, count: 6, idAt });
    expect(s.focus).toBe(0);
    s = selectionReducer(s, { type: 'move', delta: 1, count: 6, idAt, extend: true });
    s = selectionReducer(s, { type: 'move', delta: 1, count: 6, idAt, extend: true });
    expect(s.selected).toEqual(['a', 'b', 'c']);
    s = selectionReducer(s, { type: 'jump', index: 99, count: 6, idAt });
    expect(s).toEqual({ selected: ['f'], anchor: 5, focus: 5 });
  });

  it('moving up from nothing starts at the last row; an empty list is left alone', () => {
    expect(
      selectionReducer(emptySelection, { type: 'move', delta: -1, count: 6, idAt }).focus,
    ).toBe(5);
    expect(selectionReducer(emptySelection, { type: 'move', delta: 1, count: 0, idAt })).toBe(
      emptySelection,
    );
  });

  it('clear empties the selection', () => {
    const s = click(emptySelection, 1, 'single');
    expect(selectionReducer(s, { type: 'clear' })).toEqual(emptySelection);
  });

  it('maps modifier keys to click modes', () => {
    expect(clickMode({ shiftKey: true, ctrlKey: false, metaKey: false })).toBe('range');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(clickMode({ shiftKey: false, ctrlKey: true, metaKey: false })).toBe('toggle');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('single');
  });
});
