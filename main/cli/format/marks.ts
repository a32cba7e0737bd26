// Marks matched ranges in a snippet: bold on a terminal, «guillemets» elsewhere, so
// the matches stay visible in pipes and logs.
import type { TextRange } from '../../contract/types';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const QUOTES = ['«', '»'] as const;

/** Wraps every range of `text` in bold (style) or «» (no style); ranges may overlap. */
export function markRanges(text: string, ranges: TextRange[], style: boolean): string {
  const [open, close] = style ? BOLD : QUOTES;
  const merged = mergeRanges(ranges, text.length);
  let out = '';
  let at = 0;
  for (const r of merged) {
    out += text.slice(at, r.start) + open + text.slice(r.start, r.end) + close;
    at = r.end;
  }
  return out + text.slice(at);
}

/** Sorted, clamped, non-overlapping ranges. */
export function mergeRanges(ranges: TextRange[], length: number): TextRange[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
