// Site furniture that scraped articles carry at their end ("Leave a Comment", "Share this").

/**
 * Whole-line patterns, matched case-insensitively against trimmed short lines at the END of
 * an article only. Each entry is one kind of debris; add new kinds here, not in code.
 */
export const TRAILING_DEBRIS_PATTERNS: readonly RegExp[] = [
  /^leave a (comment|reply)\.?$/i,
  /^(\d+\s+)?(comments?|responses?|replies)(\s*\(\d+\))?:?$/i,
  /^(no|add|post|view|show|load|read|see) (a |all |more )?comments?\.?$/i,
  /^share( this)?( article| story| post| page)?( on [\w ]{1,30})?:?$/i,
  /^(facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|pinterest|reddit|tweet)$/i,
  /^(advertisement|advertising|sponsored( content)?|ad)$/i,
  /^(related|recommended|more)( articles| stories| posts| news| content| from [\w ]{1,40})?:?$/i,
  /^you (may|might) also (like|be interested in):?$/i,
  /^(read more|continue reading|see also)( [\w ]{1,40})?:?$/i,
  /^click here\b.{0,80}$/i,
  /^(subscribe|sign up)\b.{0,80}$/i,
  /^follow us\b.{0,60}$/i,
  /^.{0,60}\ball rights reserved\.?$/i,
  /^(©|\(c\)|copyright\b).{0,80}$/i,
  /^tags?\s*:.{0,120}$/i,
  /^(print|print this( article| page)?|email this( article)?|back to top|top of page)$/i,
  /^(loading|trending|popular)( now)?\.{0,3}$/i,
];

// Debris lines are short; a long line at the end is a paragraph, whatever it says.
const MAX_DEBRIS_LENGTH = 140;

/** True when a trimmed line is site debris rather than article text. */
export function isDebrisLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_DEBRIS_LENGTH) return false;
  return TRAILING_DEBRIS_PATTERNS.some((re) => re.test(text));
}

/** Drops debris lines (and blank lines between them) from the end of a list of lines. */
export function dropTrailingDebris(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1] ?? '';
    if (line.trim() === '' || isDebrisLine(line)) end--;
    else break;
  }
  return lines.slice(0, end);
}
