// Settings in the page come from the contract: the stored values from main, the contract's
// defaults and bounds, and a failed save is told to the user rather than dropped.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ApiEvent,
  ApiEvents,
  ApiMethod,
  ApiResponse,
  Settings,
} from '../../../main/contract/api-contract';
import { DEFAULT_SETTINGS, SETTING_LIMITS } from '../../../main/contract/settings';
import { createClient, setClient } from '../api/client';
import type { AppActions } from './useActions';
import { useAppShortcuts } from './useAppShortcuts';
import { useSettings } from './useSettings';

const STORED: Settings = {
  theme: 'dark',
  fontSize: 24,
  lineWidth: 80,
  sidebarVisible: false,
  listDensity: 'compact',
  hideVersions: true,
};

/** A fake main process holding stored settings; `failSaves` makes every save fail. */
function fakeMain(failSaves = false) {
  const saved: Partial<Settings>[] = [];
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  const answer = (method: ApiMethod, args: unknown): ApiResponse<unknown> => {
    if (method === 'getSettings') return { ok: true, value: STORED };
    if (method === 'setSettings') {
      if (failSaves) {
        return { ok: false, error: { code: 'IO', message: 'The settings file is read-only.' } };
      }
      saved.push(args as Partial<Settings>);
      return { ok: true, value: { ...STORED, ...(args as Partial<Settings>) } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: `unexpected ${method}` } };
  };
  setClient(
    createClient({
      call: (method, args) => Promise.resolve(answer(method, args)),
      on: (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener as (p: unknown) => void);
        listeners.set(event, set);
        return () => set.delete(listener as (p: unknown) => void);
      },
      pathsForFiles: () => [],
    }),
  );
  const menu = (command: ApiEvents['menuCommand']['command']) =>
    act(() => listeners.get('menuCommand')?.forEach((l) => l({ command })));
  return { saved, menu };
}

function Harness({ notify }: { notify(message: string): void }) {
  const [settings, updateSettings] = useSettings(notify);
  const none = () => undefined;
  useAppShortcuts({
    targetIds: () => [],
    stateOf: () => undefined,
    actions: {} as AppActions,
    focusSearch: none,
    move: none,
    trash: none,
    escape: none,
    showShortcuts: none,
    toggleSidebar: none,
    reader: { stepMatch: none, focusTags: none, readSetByUser: none },
    settings,
    updateSettings,
    notify,
  });
  return (
    <>
      <output aria-label="font size">{settings.fontSize}</output>
      <output aria-label="theme">{settings.theme}</output>
    </>
  );
}

const fontSize = () => Number(screen.getByLabelText('font size').textContent);

afterEach(cleanup);

describe('useSettings', () => {
  it('shows the stored settings, and "reset font" gives the contract default', async () => {
    const main = fakeMain();
    render(<Harness notify={() => undefined} />);
    await waitFor(() => expect(fontSize()).toBe(STORED.fontSize));
    expect(screen.getByLabelText('theme').textContent).toBe(STORED.theme);
    await main.menu('font-reset');
    expect(fontSize()).toBe(DEFAULT_SETTINGS.fontSize);
    await waitFor(() => expect(main.saved).toEqual([{ fontSize: DEFAULT_SETTINGS.fontSize }]));
  });

  it("keeps font steps inside the contract's bounds", async () => {
    const main = fakeMain();
    render(<Harness notify={() => undefined} />);
    await waitFor(() => expect(fontSize()).toBe(STORED.fontSize));
    for (let i = 0; i < SETTING_LIMITS.fontSize.max; i++) await main.menu('font-larger');
    expect(fontSize()).toBe(SETTING_LIMITS.fontSize.max);
    await waitFor(() =>
      expect(main.saved.at(-1)).toEqual({ fontSize: SETTING_LIMITS.fontSize.max }),
    );
  });

  it('tells the user when a change could not be saved', async () => {
    const main = fakeMain(true);
    const notices: string[] = [];
    render(<Harness notify={(m) => notices.push(m)} />);
    await waitFor(() => expect(fontSize()).toBe(STORED.fontSize));
    await main.menu('theme-sepia');
    expect(screen.getByLabelText('theme').textContent).toBe('sepia');
    await waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toMatch(/could not be saved/);
    expect(notices[0]).toContain('The settings file is read-only.');
  });
});
