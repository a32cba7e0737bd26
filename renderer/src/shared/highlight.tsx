// Match highlighting as React elements built from character offsets: no HTML strings.
import type { ReactNode } from 'react';
import type { TextRange } from '../../../main/contract/types';

/** Sorts ranges, clips them to the text and merges overlaps, so marks never nest. */
export function normaliseRanges(ranges: readonly TextRange[], length: number): TextRange[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export interface HighlightOptions {
  /** Added to each mark's data-match index (the mark's position among all marks). */
  firstIndex?: number;
  /** Index of the mark to render as current. */
  current?: number;
}

/** Splits text into strings and <mark> elements for the given ranges. */
export function renderHighlighted(
  text: string,
  ranges: readonly TextRange[],
  options: HighlightOptions = {},
): ReactNode[] {
  const first = options.firstIndex ?? 0;
  const out: ReactNode[] = [];
  let at = 0;
  normaliseRanges(ranges, text.length).forEach((r, i) => {
    if (r.start > at) out.push(text.slice(at, r.start));
    const index = first + i;
    out.push(
      <mark
        key={`m${index}`}
        data-match={index}
        className={index === options.current ? 'match current' : 'match'}
      >
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}

/** Ranges falling inside [start, end), shifted to be relative to start. */
export function rangesWithin(
  ranges: readonly TextRange[],
  start: number,
  end: number,
): TextRange[] {
  const out: TextRange[] = [];
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    out.push({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start });
  }
  return out;
}
