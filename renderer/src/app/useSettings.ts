import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_SETTINGS,
  SETTING_LIMITS,
  clampSetting,
  type Settings,
} from '../../../main/contract/settings';
import { errorMessage, getClient } from '../api/client';

/** A patch with its numbers pulled inside the contract's bounds (steppers overshoot). */
function clamped(patch: Partial<Settings>): Partial<Settings> {
  const clean: Partial<Settings> = { ...patch };
  for (const key of Object.keys(SETTING_LIMITS) as (keyof typeof SETTING_LIMITS)[]) {
    const value = clean[key];
    if (value !== undefined) clean[key] = clampSetting(key, value);
  }
  return clean;
}

/**
 * App settings, loaded from main and saved back on every change. The defaults, bounds and
 * clamping are the contract's; a save that fails is told through `notify`.
 */
export function useSettings(
  notify: (message: string) => void,
): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    getClient()
      .call('getSettings', {})
      .then(
        (s) => live && setSettings(s),
        // Main falls back to the defaults itself; a page that cannot reach it shows them too,
        // and nothing the user did is lost.
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback(
    (patch: Partial<Settings>) => {
      const clean = clamped(patch);
      setSettings((old) => ({ ...old, ...clean }));
      getClient()
        .call('setSettings', clean)
        .catch((e: unknown) =>
          notify(`The setting applies now but could not be saved: ${errorMessage(e)}`),
        );
    },
    [notify],
  );
  return [settings, update];
}
