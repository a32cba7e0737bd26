import type { CSSProperties } from 'react';
import { isNumber, usePersistentState } from '../shared/usePersistentState';

export interface PaneWidths {
  sidebar: number;
  setSidebar(width: number): void;
  list: number;
  setList(width: number): void;
  /** The widths as the CSS variables the layout reads. */
  style: CSSProperties;
}

/** The sidebar's and the list's widths in pixels, remembered between sessions. */
export function usePaneWidths(): PaneWidths {
  const [sidebar, setSidebar] = usePersistentState('ar.sidebarWidth', 232, isNumber);
  const [list, setList] = usePersistentState('ar.listWidth', 400, isNumber);
  // React's CSSProperties has no entry for custom properties.
  const style = { '--sidebar-width': `${sidebar}px`, '--list-width': `${list}px` } as CSSProperties;
  return { sidebar, setSidebar, list, setList, style };
}
