// A paragraph's text as React elements with two kinds of marks: search matches (mark.match,
// numbered for stepping) and the reader's highlights (mark.hl, one class per colour). A match
// is never split, so stepping through matches is unchanged; highlights are drawn inside and
// around matches, split where a match begins or ends. No HTML strings are made.
import type { ReactNode } from 'react';
import type { HighlightColor } from '../../../main/contract/highlights';
import type { TextRange } from '../../../main/contract/types';
import { normaliseRanges, type HighlightOptions } from '../shared/highlight';

/** A highlight's part in one paragraph: offsets relative to the paragraph's text. */
export interface HighlightSpan extends TextRange {
  id: string;
  color: HighlightColor;
  /** True when the highlight carries a note (drawn with an underline). */
  note: boolean;
}

interface Placed {
  id: string;
  color: HighlightColor;
  note: string;
  start: number | null;
  end: number | null;
}

/** The highlights placed in [start, end) of the body, shifted to be relative to start. */
export function highlightSpansWithin(
  highlights: readonly Placed[],
  start: number,
  end: number,
): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  for (const h of highlights) {
    if (h.start === null || h.end === null || h.end <= start || h.start >= end) continue;
    out.push({
      id: h.id,
      color: h.color,
      note: h.note.trim() !== '',
      start: Math.max(h.start, start) - start,
      end: Math.min(h.end, end) - start,
    });
  }
  return out;
}

/** The span drawn on top where highlights overlap: the shortest (so a small one stays reachable). */
function topmost(spans: readonly HighlightSpan[], at: number): HighlightSpan | undefined {
  let best: HighlightSpan | undefined;
  for (const s of spans) {
    if (s.start > at || s.end <= at) continue;
    if (!best || s.end - s.start < best.end - best.start) best = s;
  }
  return best;
}

/** Renders [from, to) of `text` with the highlight spans as marks. */
function renderSpans(
  text: string,
  from: number,
  to: number,
  spans: readonly HighlightSpan[],
  out: ReactNode[],
): void {
  const cuts = new Set<number>([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const top = topmost(spans, a);
    if (!top) {
      out.push(text.slice(a, b));
      continue;
    }
    out.push(
      <mark
        key={`h${a}`}
        className={`hl hl-${top.color}`}
        data-highlight={top.id}
        data-note={top.note || undefined}
      >
        {text.slice(a, b)}
      </mark>,
    );
  }
}

/** Splits text into strings, match marks and highlight marks; matches keep their numbering. */
export function renderMarked(
  text: string,
  matches: readonly TextRange[],
  spans: readonly HighlightSpan[],
  options: HighlightOptions = {},
): ReactNode[] {
  const first = options.firstIndex ?? 0;
  const clipped = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start);
  const out: ReactNode[] = [];
  let at = 0;
  normaliseRanges(matches, text.length).forEach((r, i) => {
    if (r.start > at) renderSpans(text, at, r.start, clipped, out);
    const index = first + i;
    const inner: ReactNode[] = [];
    renderSpans(text, r.start, r.end, clipped, inner);
    out.push(
      <mark
        key={`m${index}`}
        data-match={index}
        className={index === options.current ? 'match current' : 'match'}
      >
        {inner}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) renderSpans(text, at, text.length, clipped, out);
  if (out.length === 0) out.push(text);
  return out;
}
