// Fetches the timeline's bars for what the list shows, again whenever the list is fetched.
import { useEffect, useState } from 'react';
import { timelineSchema, type Timeline, type TimelineQuery } from '../../../main/contract/timeline';
import { getClient } from '../api/client';

/** The bars for `query` (null until the first answer, or when they cannot be had). */
export function useTimeline(query: TimelineQuery, refresh: unknown): Timeline | null {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    getClient()
      .call('timeline', JSON.parse(key) as TimelineQuery)
      .then(
        (value) => {
          // An answer that is not a timeline (an older main) hides it rather than break.
          const parsed = timelineSchema.safeParse(value);
          if (live) setTimeline(parsed.success ? parsed.data : null);
        },
        () => live && setTimeline(null),
      );
    return () => {
      live = false;
    };
  }, [key, refresh]);
  return timeline;
}
