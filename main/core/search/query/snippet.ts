// A short window of text around the densest cluster of matches, for search hits.
import type { TextRange } from '../../../contract/types';

const ELLIPSIS = '…';

/** Start of the window holding the most ranges within `maxChars`. */
function densestStart(ranges: TextRange[], maxChars: number): number {
  let best = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    if (j < i) j = i;
    while (j + 1 < ranges.length && ranges[j + 1]!.end - ranges[i]!.start <= maxChars) j++;
    if (j - i + 1 > bestCount) {
      bestCount = j - i + 1;
      best = i;
    }
  }
  const first = ranges[best]!;
  const last = ranges[best + bestCount - 1]!;
  // Centre the cluster in the window, so the matches have context on both sides.
  const slack = Math.max(0, maxChars - (last.end - first.start));
  return Math.max(0, first.start - Math.floor(slack / 2));
}

/** Moves `i` forward to the start of a word (never past `limit`). */
function wordStartAtOrAfter(text: string, i: number, limit: number): number {
  if (i <= 0 || /\s/u.test(text[i - 1]!)) return i;
  let k = i;
  while (k < limit && !/\s/u.test(text[k]!)) k++;
  while (k < limit && /\s/u.test(text[k]!)) k++;
  // Reaching the limit (the first match) is a word start too; only a word running past it
  // (one longer than the window) is cut.
  return k <= limit ? k : i;
}

/** Moves `i` back to the end of a word (never before `floor`). */
function wordEndAtOrBefore(text: string, i: number, floor: number): number {
  if (i >= text.length || /\s/u.test(text[i]!)) return i;
  let k = i;
  while (k > floor && !/\s/u.test(text[k - 1]!)) k--;
  while (k > floor && /\s/u.test(text[k - 1]!)) k--;
  return k >= floor ? k : i;
}

/**
 * A window of `text` around the densest cluster of `ranges`, cut at word boundaries with
 * "…" where cut, whitespace runs collapsed, and the ranges re-based to the snippet.
 * Without ranges, the opening of the text.
 */
export function makeSnippet(
  text: string,
  ranges: TextRange[],
  maxChars = 240,
): { snippet: string; matches: TextRange[] } {
  const sorted = ranges
    .filter((r) => r.end > r.start && r.start >= 0 && r.end <= text.length)
    .sort((a, b) => a.start - b.start);
  let start = sorted.length > 0 ? densestStart(sorted, maxChars) : 0;
  let end = Math.min(text.length, start + maxChars);
  if (end - start < maxChars) start = Math.max(0, end - maxChars);
  const firstMatch = sorted.find((r) => r.start >= start)?.start ?? end;
  const lastMatchEnd = [...sorted].reverse().find((r) => r.end <= end)?.end ?? start;
  const wordStart = wordStartAtOrAfter(text, start, Math.min(firstMatch, end));
  // A window holding one word longer than itself is cut inside it rather than left empty.
  if (wordStart < end) start = wordStart;
  const wordEnd = wordEndAtOrBefore(text, end, Math.max(lastMatchEnd, start));
  if (wordEnd > start) end = wordEnd;

  // Collapse whitespace while tracking where each kept character came from.
  let out = '';
  const origin: number[] = [];
  let i = start;
  while (i < end && /\s/u.test(text[i]!)) i++;
  for (; i < end; i++) {
    const c = text[i]!;
    if (/\s/u.test(c)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += c;
    origin.push(i);
  }
  while (out.endsWith(' ')) {
    out = out.slice(0, -1);
    origin.pop();
  }
  const lead = start > 0 && /\S/u.test(text.slice(0, start)) ? ELLIPSIS : '';
  const tail = end < text.length && /\S/u.test(text.slice(end)) ? ELLIPSIS : '';
  const at = (pos: number): number => {
    let lo = 0;
    let hi = origin.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (origin[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const matches: TextRange[] = [];
  for (const r of sorted) {
    if (r.start < start || r.end > end) continue;
    const s = at(r.start) + lead.length;
    const e = at(r.end) + lead.length;
    if (e > s) matches.push({ start: s, end: e });
  }
  return { snippet: lead + out + tail, matches };
}
