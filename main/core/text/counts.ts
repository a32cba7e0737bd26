// Word counts and reading time, for any script that separates words.

const WORD = /\p{L}[\p{L}\p{M}\p{N}'\u2019-]*/gu;
const WORDS_PER_MINUTE = 230;

/** Counts runs of letters (with marks, digits, apostrophes and hyphens inside words). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Minutes to read `words` words at about 230 words a minute; at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
