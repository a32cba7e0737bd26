// Which panes show at the window's width: the sidebar as a column or a drawer, and in the
// one-pane layout whether the list or the reader shows, with focus following the user.
import { useEffect, useRef, useState } from 'react';
import { useSelection } from '../list/SelectionContext';
import type { LayoutMode } from './pane-layout';
import { currentViewButton } from './panes';

type FocusTarget = 'list' | 'search' | 'reader' | 'toggle' | 'sidebar';

export interface PaneNavigation {
  /** Whether the sidebar shows, as a column (wide window) or a drawer over the panes. */
  sidebarOpen: boolean;
  /** The drawer is open over the panes. */
  drawerOpen: boolean;
  toggleSidebar(): void;
  closeDrawer(): void;
  /** One-pane layout: the reader shows instead of the list. */
  readerShown: boolean;
  showReader(): void;
  /** Null unless the reader shows instead of the list. */
  back: (() => void) | null;
  /** Null unless the reader shows instead of the list: back to the list's search field. */
  searchFromReader: (() => void) | null;
}

const shown = (pane: Element | null) => pane !== null && pane.closest('[inert]') === null;
const focusSearchField = () =>
  document.querySelector<HTMLElement>('.list-pane input[type="search"]')?.focus();
const focusToggle = () =>
  document.querySelector<HTMLElement>('.sidebar-toggle')?.focus({ preventScroll: true });

/** The layout's navigation state for a window in `mode`. */
export function usePaneNavigation(
  mode: LayoutMode,
  sidebarVisible: boolean,
  setSidebarVisible: (visible: boolean) => void,
): PaneNavigation {
  const selection = useSelection();
  const { openId } = selection;
  const [readerWanted, setReaderWanted] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  const focusNext = useRef<FocusTarget | null>(null);

  // Closing the article (trash, Esc) leaves nothing to read: the list shows again.
  useEffect(() => {
    if (openId === null) setReaderWanted(false);
  }, [openId]);

  const drawerOpen = mode !== 'wide' && drawerWanted;
  const readerShown = mode === 'single' && readerWanted && openId !== null;

  // Focus moves once the pane it goes to is shown: a render that lands before that one
  // (the list's rows arriving, say) leaves the request waiting.
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    const pane = document.querySelector(target === 'reader' ? '.reader-pane' : '.list-pane');
    if ((target === 'reader' || target === 'list' || target === 'search') && !shown(pane)) return;
    if (target === 'sidebar' && !currentViewButton()) return;
    focusNext.current = null;
    if (target === 'reader') selection.reader.focus();
    else if (target === 'list') selection.focusList();
    else if (target === 'search') focusSearchField();
    else if (target === 'sidebar') currentViewButton()?.focus();
    else focusToggle();
  });

  const toggleSidebar = () => {
    if (mode === 'wide') {
      const inSidebar = document.querySelector('.sidebar-pane')?.contains(document.activeElement);
      if (sidebarVisible && inSidebar) focusNext.current = 'toggle';
      setSidebarVisible(!sidebarVisible);
      return;
    }
    focusNext.current = drawerOpen ? (readerShown ? 'reader' : 'toggle') : 'sidebar';
    setDrawerWanted(!drawerOpen);
  };
  const closeDrawer = () => {
    focusNext.current = readerShown ? 'reader' : 'toggle';
    setDrawerWanted(false);
  };
  const showReader = () => {
    if (mode !== 'single') return;
    focusNext.current = 'reader';
    setReaderWanted(true);
  };
  const backTo = (target: FocusTarget) => {
    focusNext.current = target;
    setReaderWanted(false);
  };

  return {
    sidebarOpen: mode === 'wide' ? sidebarVisible : drawerOpen,
    drawerOpen,
    toggleSidebar,
    closeDrawer,
    readerShown,
    showReader,
    back: readerShown ? () => backTo('list') : null,
    searchFromReader: readerShown ? () => backTo('search') : null,
  };
}
