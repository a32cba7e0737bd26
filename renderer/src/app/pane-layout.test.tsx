import { describe, expect, it } from 'vitest';
import {
  LIST_MIN,
  READER_MIN,
  SIDEBAR_COLUMN_MIN_WIDTH,
  SPLITTER,
  TWO_PANE_MIN_WIDTH,
  paneLayout,
} from './pane-layout';

const ELECTRON_MIN_WIDTH = 640;

describe('paneLayout', () => {
  it('never makes the panes wider than the window, whatever widths were chosen', () => {
    for (let width = ELECTRON_MIN_WIDTH; width <= 2400; width += 7) {
      for (const sidebar of [0, 160, 232, 420, 5000]) {
        for (const list of [0, 260, 400, 720, 5000]) {
          for (const visible of [true, false]) {
            const l = paneLayout(width, { sidebar, list }, visible);
            if (l.mode === 'single') continue;
            const used =
              (l.sidebarColumn ? l.sidebar.width + SPLITTER : 0) + l.list.width + SPLITTER;
            expect(width - used, `${width} ${sidebar} ${list} ${visible}`).toBeGreaterThanOrEqual(
              READER_MIN,
            );
            expect(l.list.width).toBeGreaterThanOrEqual(LIST_MIN);
            expect(l.list.width).toBeLessThanOrEqual(l.list.max);
            expect(l.sidebar.width).toBeLessThanOrEqual(l.sidebar.max);
          }
        }
      }
    }
  });

  it('collapses the sidebar, then the list and the reader into one pane, as the window narrows', () => {
    const chosen = { sidebar: 232, list: 400 };
    expect(paneLayout(1360, chosen, true)).toMatchObject({ mode: 'wide', sidebarColumn: true });
    expect(paneLayout(1360, chosen, false)).toMatchObject({ mode: 'wide', sidebarColumn: false });
    expect(paneLayout(SIDEBAR_COLUMN_MIN_WIDTH - 1, chosen, true)).toMatchObject({
      mode: 'narrow',
      sidebarColumn: false,
    });
    expect(paneLayout(TWO_PANE_MIN_WIDTH - 1, chosen, true).mode).toBe('single');
    expect(paneLayout(ELECTRON_MIN_WIDTH, chosen, true).mode).toBe('single');
  });

  it('keeps the chosen widths where they fit, and the drawer its own width', () => {
    const chosen = { sidebar: 300, list: 450 };
    const wide = paneLayout(1600, chosen, true);
    expect([wide.sidebar.width, wide.list.width]).toEqual([300, 450]);
    expect(paneLayout(800, chosen, true).sidebar.width).toBe(300);
  });
});
