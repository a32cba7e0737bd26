// Word counts and reading time, for scripts with and without spaces between words.
import { CodePointClasses } from './code-point-classes';

// Scripts written without spaces: a run of them is many words, found by ICU's dictionaries.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;
const WORDS_PER_MINUTE = 230;
let segmenter: Intl.Segmenter | null = null;

/** Counts words: runs of letters, and dictionary words inside Chinese, Japanese, Thai and the like. */
export function countWords(text: string): number {
  // A word is a letter, then letters, marks, digits, apostrophes and hyphens: the matches of
  // /\p{L}[\p{L}\p{M}\p{N}'\u2019-]*/gu, found by a walk over character classes (a match
  // object and a script test per word cost more than many other steps of the parse).
  let n = 0;
  let i = 0;
  const end = text.length;
  while (i < end) {
    const first = classAt(text, i);
    if ((first & LETTER) === 0) {
      i += first & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    let unspaced = false;
    let c = first;
    do {
      if (c & UNSPACED_SCRIPT) unspaced = true;
      i += c & PAIR ? 2 : 1;
    } while (i < end && (c = classAt(text, i)) & IN_WORD);
    n += unspaced ? countSegmented(text.slice(start, i)) : 1;
  }
  return n;
}

// Character classes, as bits: what may start a word, what may continue one, and the scripts
// written without spaces.
const LETTER = 1;
const IN_WORD = 2;
const UNSPACED_SCRIPT = 4;
const PAIR = 8;
const KNOWN = 16;
const LETTER_RE = /^\p{L}$/u;
const IN_WORD_RE = /^[\p{L}\p{M}\p{N}'\u2019-]$/u;

function classify(ch: string): number {
  return (
    KNOWN |
    (LETTER_RE.test(ch) ? LETTER : 0) |
    (IN_WORD_RE.test(ch) ? IN_WORD : 0) |
    (UNSPACED.test(ch) ? UNSPACED_SCRIPT : 0)
  );
}

const classes = new CodePointClasses(classify, PAIR);
const classAt = (text: string, i: number): number => classes.at(text, i);

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
