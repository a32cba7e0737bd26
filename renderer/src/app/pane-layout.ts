// How the window's width is shared between the sidebar, the list and the reader. Pure, so the
// rule that no pane pushes the window wider than it is can be unit-tested at any width.

/** The reader never gets narrower than this while it shares the window with the list. */
export const READER_MIN = 420;
export const LIST_MIN = 260;
export const LIST_MAX = 720;
export const SIDEBAR_MIN = 160;
export const SIDEBAR_MAX = 420;
/** Each splitter's width, as layout.css draws it. */
export const SPLITTER = 5;
/** Below this the sidebar no longer takes a column: it opens over the panes instead. */
export const SIDEBAR_COLUMN_MIN_WIDTH = 960;
/** Below this the list and the reader share one pane, with a Back button between them. */
export const TWO_PANE_MIN_WIDTH = 720;

/** 'wide': sidebar column, list and reader; 'narrow': list and reader; 'single': one pane. */
export type LayoutMode = 'wide' | 'narrow' | 'single';

export interface PaneLayout {
  mode: LayoutMode;
  /** Whether the sidebar takes a column of its own. */
  sidebarColumn: boolean;
  sidebar: { width: number; min: number; max: number };
  list: { width: number; min: number; max: number };
}

const clamp = (v: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, v)));

/** The layout for a window `width` px wide, given the widths the user chose (kept as chosen). */
export function paneLayout(
  width: number,
  chosen: { sidebar: number; list: number },
  sidebarVisible: boolean,
): PaneLayout {
  const mode: LayoutMode =
    width < TWO_PANE_MIN_WIDTH ? 'single' : width < SIDEBAR_COLUMN_MIN_WIDTH ? 'narrow' : 'wide';
  const sidebarColumn = mode === 'wide' && sidebarVisible;
  // As a column, the sidebar may only grow as far as still leaves the list and the reader
  // their minimum; as a drawer over the panes it keeps its width (CSS caps it at 85vw).
  const sidebarMax = !sidebarColumn
    ? SIDEBAR_MAX
    : Math.max(SIDEBAR_MIN, Math.min(SIDEBAR_MAX, width - LIST_MIN - READER_MIN - 2 * SPLITTER));
  const sidebarWidth = clamp(chosen.sidebar, SIDEBAR_MIN, sidebarMax);
  const beside = sidebarColumn ? sidebarWidth + SPLITTER : 0;
  const listMax = Math.max(LIST_MIN, Math.min(LIST_MAX, width - beside - SPLITTER - READER_MIN));
  return {
    mode,
    sidebarColumn,
    sidebar: { width: sidebarWidth, min: SIDEBAR_MIN, max: sidebarMax },
    list: { width: clamp(chosen.list, LIST_MIN, listMax), min: LIST_MIN, max: listMax },
  };
}
