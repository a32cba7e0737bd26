// What the single-key shortcuts and the app menu do, over the open article or the selection.
import { DEFAULT_SETTINGS, type Settings } from '../../../main/contract/settings';
import type { ArticleView } from '../../../main/contract/types';
import { cyclePanes } from './panes';
import type { AppActions } from './useActions';
import { useKeyboard } from '../shared/useKeyboard';
import { useMenuCommands } from './useMenuCommands';

interface Options {
  /** The selected ids, else the open article's, else none. */
  targetIds(): string[];
  /** The read/favourite state the reader or the list shows for an id. */
  stateOf(id: string): Pick<ArticleView, 'read' | 'favourite'> | undefined;
  actions: AppActions;
  focusSearch(): void;
  move(delta: 1 | -1): void;
  trash(): void;
  escape(): void;
  showShortcuts(): void;
  /** The sidebar toggle's action (column or drawer, by the window's width). */
  toggleSidebar(): void;
  reader: {
    stepMatch(delta: 1 | -1): void;
    focusTags(): void;
    readSetByUser(id: string): void;
  };
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  notify(message: string): void;
}

/** Wires the keyboard shortcuts and the menu commands to the app's actions. */
export function useAppShortcuts(o: Options): void {
  const { actions, targetIds, stateOf } = o;
  useKeyboard({
    focusSearch: o.focusSearch,
    move: o.move,
    stepMatch: o.reader.stepMatch,
    tag: o.reader.focusTags,
    favourite: () => {
      const ids = targetIds();
      if (ids.length === 1) actions.setFavourite(ids, !(stateOf(ids[0]!)?.favourite ?? false));
      else if (ids.length > 1) actions.setFavourite(ids, true);
    },
    toggleRead: () => {
      const ids = targetIds();
      if (ids.length === 1) {
        o.reader.readSetByUser(ids[0]!);
        actions.setRead(ids, !(stateOf(ids[0]!)?.read ?? false));
      } else if (ids.length > 1) actions.setRead(ids, false);
    },
    trash: o.trash,
    escape: o.escape,
    shortcuts: o.showShortcuts,
    cyclePanes,
  });

  useMenuCommands({
    focusSearch: o.focusSearch,
    toggleSidebar: o.toggleSidebar,
    theme: (theme) => o.updateSettings({ theme }),
    font: (delta) =>
      o.updateSettings({
        fontSize: delta === 0 ? DEFAULT_SETTINGS.fontSize : o.settings.fontSize + delta,
      }),
    shortcuts: o.showShortcuts,
    selected: targetIds,
    notify: o.notify,
  });
}
