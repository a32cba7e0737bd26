import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../main/contract/api-contract';
import { getClient } from '../api/client';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 19,
  lineWidth: 66,
  sidebarVisible: true,
};

export const FONT_MIN = 13;
export const FONT_MAX = 32;
export const WIDTH_MIN = 40;
export const WIDTH_MAX = 100;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** App settings, loaded from main and saved back on every change. */
export function useSettings(): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    getClient()
      .call('getSettings', {})
      .then(
        (s) => live && setSettings({ ...DEFAULT_SETTINGS, ...s }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback((patch: Partial<Settings>) => {
    const clean: Partial<Settings> = { ...patch };
    if (clean.fontSize !== undefined) clean.fontSize = clamp(clean.fontSize, FONT_MIN, FONT_MAX);
    if (clean.lineWidth !== undefined)
      clean.lineWidth = clamp(clean.lineWidth, WIDTH_MIN, WIDTH_MAX);
    setSettings((old) => ({ ...old, ...clean }));
    getClient()
      .call('setSettings', clean)
      .catch(() => undefined);
  }, []);
  return [settings, update];
}
