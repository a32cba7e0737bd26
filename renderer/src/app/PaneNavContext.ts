import { createContext, useContext } from 'react';

/** What the panes may ask of the window's layout. */
export interface PaneNav {
  /** Set while the list and the reader share one pane and the reader shows: back to the list. */
  back: (() => void) | null;
}

export const PaneNavContext = createContext<PaneNav>({ back: null });

/** The window's layout actions (no Back outside the one-pane layout). */
export const usePaneNav = (): PaneNav => useContext(PaneNavContext);
