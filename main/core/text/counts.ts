// Word counts and reading time, for scripts with and without spaces between words.

const WORD = /\p{L}[\p{L}\p{M}\p{N}'\u2019-]*/gu;
// Scripts written without spaces: a run of them is many words, found by ICU's dictionaries.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;
const WORDS_PER_MINUTE = 230;
let segmenter: Intl.Segmenter | null = null;

/** Counts words: runs of letters, and dictionary words inside Chinese, Japanese, Thai and the like. */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) n += UNSPACED.test(m[0]) ? countSegmented(m[0]) : 1;
  return n;
}

function countSegmented(run: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(run)) if (s.isWordLike) n++;
  return n;
}

/** Minutes to read `words` words at about 230 words a minute; at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
