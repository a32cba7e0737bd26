// Case-insensitive matching for find-in-article, over the text as it is rendered (whatever
// the view: clean text, Markdown or the original), so the count is what the eye sees.
import type { TextRange } from '../../../main/contract/types';

/** Lower-cases per character, so offsets in the result are offsets in `text`. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A character whose lower case has another length ("İ"): fold the rest, keep that one.
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Every non-overlapping occurrence of `needle` in `text`, ignoring case. */
export function findInText(text: string, needle: string): TextRange[] {
  const want = foldCase(needle.trim());
  if (!want) return [];
  const hay = foldCase(text);
  const out: TextRange[] = [];
  for (let at = hay.indexOf(want); at !== -1; at = hay.indexOf(want, at + want.length)) {
    out.push({ start: at, end: at + want.length });
  }
  return out;
}
