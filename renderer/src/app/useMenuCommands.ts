import { useEffect, useRef } from 'react';
import type { Theme } from '../../../main/contract/api-contract';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import { requestFindInReader } from '../reader/find-request';
import { highlightExportQuery } from '../highlights/view-query';
import { plural } from '../shared/format';
import { exportHighlights } from '../export/highlights-download';

export interface MenuHandlers {
  focusSearch(): void;
  toggleSidebar(): void;
  theme(theme: Theme): void;
  /** +1, -1, or 0 to reset. */
  font(delta: number): void;
  shortcuts(): void;
  selected(): string[];
  notify(message: string): void;
}

/** Menu commands main leaves to the renderer (the import ones are handled in main). */
export function useMenuCommands(handlers: MenuHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(
    () =>
      getClient().on('menuCommand', ({ command }) => {
        const h = ref.current;
        switch (command) {
          case 'focus-search':
            // In the reader, Find searches the open article.
            return requestFindInReader() ? undefined : h.focusSearch();
          case 'toggle-sidebar':
            return h.toggleSidebar();
          case 'theme-system':
          case 'theme-light':
          case 'theme-dark':
          case 'theme-sepia':
            return h.theme(command.slice('theme-'.length) as Theme);
          case 'font-larger':
            return h.font(1);
          case 'font-smaller':
            return h.font(-1);
          case 'font-reset':
            return h.font(0);
          case 'show-shortcuts':
            return h.shortcuts();
          case 'export-highlights':
            exportHighlights(highlightExportQuery()).then(
              (n) =>
                h.notify(
                  n === 0
                    ? 'There are no highlights to export.'
                    : `Exported ${plural(n, 'highlight')}`,
                ),
              (e: unknown) => h.notify(errorMessage(e)),
            );
            return;
          default:
            return;
        }
      }),
    [],
  );
}
