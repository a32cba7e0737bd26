// What the rest of the window may ask of the reader (focus it, step through the matches, leave
// the read state alone), kept outside the Reader so nobody needs a handle on the component.
import { useCallback, useMemo, useRef, useState } from 'react';

export interface ReaderControls {
  /** Ref callback for the scrolling article text (Enter in the list moves focus there). */
  attachScroller(el: HTMLElement | null): void;
  /** Ref callback for the reader's tag field (`t` moves focus there). */
  attachTagInput(el: HTMLElement | null): void;
  /** Steps taken through the search matches, either way; the reader wraps it to its count. */
  matchSteps: number;
  stepMatch(delta: 1 | -1): void;
  /** Back to the first match (a new article or a new search). */
  resetMatches(): void;
  /** The read state of `id` is settled for this opening: do not mark it read automatically. */
  settleRead(id: string): void;
  readSettled(id: string): boolean;
  focus(): void;
  focusTags(): void;
}

/** The reader's controls, shared by the reader, the list and the shortcuts. */
export function useReaderControls(): ReaderControls {
  const scroller = useRef<HTMLElement | null>(null);
  const tagInput = useRef<HTMLElement | null>(null);
  // One id, not a set: reopening an article later may mark it read again.
  const settled = useRef<string | null>(null);
  const [matchSteps, setMatchSteps] = useState(0);
  const stepMatch = useCallback((delta: 1 | -1) => setMatchSteps((m) => m + delta), []);
  const resetMatches = useCallback(() => setMatchSteps(0), []);
  const settleRead = useCallback((id: string) => {
    settled.current = id;
  }, []);
  const readSettled = useCallback((id: string) => settled.current === id, []);
  const attachScroller = useCallback((el: HTMLElement | null) => {
    scroller.current = el;
  }, []);
  const attachTagInput = useCallback((el: HTMLElement | null) => {
    tagInput.current = el;
  }, []);
  const focus = useCallback(() => scroller.current?.focus(), []);
  const focusTags = useCallback(() => tagInput.current?.focus(), []);
  return useMemo(
    () => ({
      attachScroller,
      attachTagInput,
      matchSteps,
      stepMatch,
      resetMatches,
      settleRead,
      readSettled,
      focus,
      focusTags,
    }),
    [
      attachScroller,
      attachTagInput,
      matchSteps,
      stepMatch,
      resetMatches,
      settleRead,
      readSettled,
      focus,
      focusTags,
    ],
  );
}

/** The current match for `steps` steps among `count` matches (0 when there are none). */
export function wrapMatch(steps: number, count: number): number {
  return count === 0 ? 0 : ((steps % count) + count) % count;
}
