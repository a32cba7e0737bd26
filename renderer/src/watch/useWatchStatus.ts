// The folder watcher's status: asked for once, then kept up to date by watchStatus events
// (and asked again when another library is opened).
import { useEffect, useState } from 'react';
import { watchStatusSchema, type WatchStatus } from '../../../main/contract/watch';
import { getClient } from '../api/client';

/** The latest watch status, or null until one is known (or where there is no watcher). */
export function useWatchStatus(): WatchStatus | null {
  const [status, setStatus] = useState<WatchStatus | null>(null);
  useEffect(() => {
    let live = true;
    const take = (value: unknown) => {
      const parsed = watchStatusSchema.safeParse(value);
      if (live && parsed.success) setStatus(parsed.data);
    };
    const offs: (() => void)[] = [];
    try {
      const client = getClient();
      const load = () =>
        client.call('watchStatus', {}).then(take, () => {
          // No status (no library open at the moment): the line stays as it was.
        });
      offs.push(client.on('watchStatus', take));
      offs.push(
        client.on('libraryChanged', (change) => {
          if (change.reason === 'switch') void load();
        }),
      );
      void load();
    } catch {
      // The line is optional: a page that cannot reach main (no event stream) shows none.
    }
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, []);
  return status;
}
