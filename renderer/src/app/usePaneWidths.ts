import type { CSSProperties } from 'react';
import { isNumber, usePersistentState } from '../shared/usePersistentState';
import { paneLayout, type PaneLayout } from './pane-layout';

export interface PaneWidths extends PaneLayout {
  setSidebar(width: number): void;
  setList(width: number): void;
  /** The widths as the CSS variables the layout reads. */
  style: CSSProperties;
}

/**
 * The sidebar's and the list's widths in pixels, remembered between sessions as the user chose
 * them, and shown narrower where the window is too narrow for them.
 */
export function usePaneWidths(windowWidth: number, sidebarVisible: boolean): PaneWidths {
  const [sidebar, setSidebar] = usePersistentState('ar.sidebarWidth', 232, isNumber);
  const [list, setList] = usePersistentState('ar.listWidth', 400, isNumber);
  const layout = paneLayout(windowWidth, { sidebar, list }, sidebarVisible);
  // React's CSSProperties has no entry for custom properties.
  const style = {
    '--sidebar-width': `${layout.sidebar.width}px`,
    '--list-width': `${layout.list.width}px`,
  } as CSSProperties;
  return { ...layout, setSidebar, setList, style };
}
