// One call's answer for a key, or why it failed; what was loaded for another key is never
// given for this one (a new article or version shows "loading" rather than old answers).
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';

export type Loaded<T> = { value: T } | { error: string } | null;

/** Calls `load` whenever `key` or `refresh` changes (not at all for a null key). */
export function useLoaded<T>(key: string | null, refresh: unknown, load: () => Promise<T>) {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    load().then(
      (value) => live && setState({ key, loaded: { value } }),
      (e: unknown) => live && setState({ key, loaded: { error: errorMessage(e) } }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; the key names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refresh]);
  return state !== null && state.key === key ? state.loaded : null;
}
