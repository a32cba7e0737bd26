// Marks matched ranges in a snippet: bold on a terminal, «guillemets» elsewhere, so
// the matches stay visible in pipes and logs.
import type { TextRange } from '../../contract/types';
import { escapeControls } from './escape-controls';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const QUOTES = ['«', '»'] as const;

/**
 * Wraps every range of `text` in bold (style) or «» (no style); ranges may overlap. The text
 * between the marks has its controls escaped (ranges index the raw text, so it is cut first)
 * and white space made plain spaces: the result is one line.
 */
export function markRanges(text: string, ranges: TextRange[], style: boolean): string {
  const [open, close] = style ? BOLD : QUOTES;
  const merged = mergeRanges(ranges, text.length);
  const part = (from: number, to: number): string =>
    escapeControls(text.slice(from, to).replace(/\s/g, ' '));
  let out = '';
  let at = 0;
  for (const r of merged) {
    out += part(at, r.start) + open + part(r.start, r.end) + close;
    at = r.end;
  }
  return out + part(at, text.length);
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
