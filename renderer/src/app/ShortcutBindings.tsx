import type { Settings } from '../../../main/contract/settings';
import { useSelection } from '../list/SelectionContext';
import type { ListQuery } from '../list/useListQuery';
import type { AppActions } from './useActions';
import { useAppShortcuts } from './useAppShortcuts';

interface Props {
  list: ListQuery;
  actions: AppActions;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  notify(message: string): void;
  showShortcuts(): void;
  toggleSidebar(): void;
}

/** The keyboard shortcuts and menu commands over the selection or the open article; renders nothing. */
export function ShortcutBindings({ list, actions, ...props }: Props): null {
  const selection = useSelection();
  const { targetIds, openId, reader } = selection;

  const trash = () => {
    const ids = targetIds();
    if (ids.length === 0) return;
    if (list.filters.view === 'trash') actions.restore(ids);
    else actions.trash(ids);
    selection.expectGone(ids);
    // Focus on the reader's controls would drop to the page body when the article closes,
    // where list keys do nothing: the list takes it (its cursor stays at the trashed row).
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.reader-pane')) {
      selection.focusList();
    }
    if (openId && ids.includes(openId)) selection.open(null);
  };

  useAppShortcuts({
    targetIds,
    // The reader may still show the previous article while the next one loads, so the
    // state a toggle flips comes from whichever copy matches the id.
    stateOf: (id) => {
      if (selection.article?.id === id) return selection.article;
      const focus = selection.focus;
      const row = focus !== null ? list.rows.rowAt(focus)?.meta : undefined;
      return row?.id === id ? row : undefined;
    },
    actions,
    focusSearch: list.focusSearch,
    move: selection.move,
    trash,
    escape: () => {
      if (selection.selected.length > 1) selection.select({ type: 'clear' });
      else if (list.query) list.setQuery('');
      else if (openId) {
        selection.open(null);
        selection.select({ type: 'clear' });
      }
    },
    showShortcuts: props.showShortcuts,
    toggleSidebar: props.toggleSidebar,
    reader: {
      stepMatch: reader.stepMatch,
      focusTags: reader.focusTags,
      readSetByUser: reader.settleRead,
    },
    settings: props.settings,
    updateSettings: props.updateSettings,
    notify: props.notify,
  });
  return null;
}
