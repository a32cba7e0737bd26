// Which articles the highlight bench marks, which passage of each and with what note: all
// deterministic, so two runs of the same corpus add the same highlights.

/** How many words a passage has: 5 to 12, cycling, like a reader's selections. */
const MIN_WORDS = 5;
const WORD_SPREAD = 8;
/** Every NOTE_EVERY-th highlight carries a note. */
const NOTE_EVERY = 3;
/** How far past the middle a sentence end is looked for before any word start will do. */
const SENTENCE_LOOKAHEAD = 400;

const NOTES = [
  'check the figures against the annual report',
  'quote this in the budget summary',
  'compare with last year',
  'follow up: who said this first',
];
// For Arabic articles: a reader of Arabic text writes Arabic notes (a different analyser path).
const ARABIC_NOTES = [
  'راجع الأرقام في التقرير السنوي',
  'اقتباس مهم للملخص',
  'قارن مع العام الماضي',
];

/**
 * Where in the sorted ids the `count` highlights start looking: every k-th position, so they
 * are spread over the whole library (one article each while count ≤ total). Sorted ids are
 * random-looking hashes, so this is neither the oldest nor one source's articles.
 */
export function spreadPositions(total: number, count: number): number[] {
  if (total === 0) return [];
  return Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
}

/**
 * A passage of 5–12 words (by `n`) from the middle of `body`: it starts after the first
 * sentence end past the middle when one is near, else at the next word. The `repeat`-th
 * highlight of one article starts that many sentences further on. Null when the body has
 * fewer than 5 words.
 */
export function pickPassage(
  body: string,
  n: number,
  repeat = 0,
): { start: number; end: number } | null {
  const wanted = MIN_WORDS + (n % WORD_SPREAD);
  let from = Math.floor(body.length / 2);
  for (let r = 0; r <= repeat; r++) from = nextSentenceStart(body, from);
  return wordsFrom(body, from, wanted) ?? wordsFrom(body, 0, wanted);
}

/** The start of the text after the next sentence end (Latin or Arabic marks) near `from`. */
function nextSentenceStart(body: string, from: number): number {
  const window = body.slice(from, from + SENTENCE_LOOKAHEAD);
  const end = /[.!?؟。]\s+/u.exec(window);
  if (end) return from + end.index + end[0].length;
  const space = /\s+/u.exec(window);
  return space ? from + space.index + space[0].length : from;
}

/** [start, end) of `wanted` words from `from`, or null when fewer than MIN_WORDS remain. */
function wordsFrom(
  body: string,
  from: number,
  wanted: number,
): { start: number; end: number } | null {
  const word = /\S+/gu;
  word.lastIndex = from;
  let start = -1;
  let end = -1;
  let got = 0;
  for (let m = word.exec(body); m && got < wanted; m = word.exec(body)) {
    if (start < 0) start = m.index;
    end = m.index + m[0].length;
    got += 1;
  }
  return got >= MIN_WORDS ? { start, end } : null;
}

/** The note of the n-th highlight: one in three has one, in Arabic on Arabic articles. */
export function pickNote(n: number, language: string): string | undefined {
  if (n % NOTE_EVERY !== 0) return undefined;
  const notes = language === 'ar' ? ARABIC_NOTES : NOTES;
  return notes[(n / NOTE_EVERY) % notes.length];
}
