// A date standing at the top of a body as the article's own, not one its sentences mention
// ("the bond is due April 15, 1997" is no publication date).
import { findFoldedDates, type DateReading } from './find-dates';
import { foldForDates } from './fold-text';

// The blocks looked at, and how long a block may be to count as a date line of its own
// ("Monday, 3 March 2004", "By Jane Smith, 3 March 2004 10:42 GMT"): a few words besides
// the date, no sentence.
const HEAD_BLOCKS = 2;
const LINE_CHARS = 100;
const LINE_OTHER_WORDS = 4;
// A date this close to the start of the body, after at most two words, opens it
// ("3 March 2004 - The Senate …", "Monday, 3 March 2004: …").
const OPENING_CHARS = 25;
const OPENING_WORDS = 2;
// "… 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م": "corresponding to" gives the Gregorian day of a
// date line; allowed this far into the first block.
const CORRESPONDING = /(?<![\p{L}])الموافق(?![\p{L}])\s*/gu;
const CORRESPONDING_CHARS = 60;
// Words that make a dated line the end of a period or a deadline ("Year to December 31, 1986",
// "Period ended …", "payable June 1, 1987"), not the day the article appeared (folded).
const PERIOD_WORDS = new Set(
  (
    'to until till through ended ending ends end due since from before after expires expiry ' +
    'maturity matures payable record effective deadline period year quarter ' +
    'au jusqu bis seit hasta desde al fino dal ate حتي لغاية الي منذ تا از'
  ).split(' '),
);

/** The date a body opens with or gives on a short line of its own near the top, or null. */
export function headDate(body: string, reading: DateReading): string | null {
  const blocks = body.split(/\n+/).slice(0, HEAD_BLOCKS);
  const first = foldForDates(blocks[0] ?? '');
  const opening = findFoldedDates(first.slice(0, OPENING_CHARS + 40), reading)[0];
  if (opening && opening.start <= OPENING_CHARS) {
    const words = wordsOf(first.slice(0, opening.start));
    if (words.length <= OPENING_WORDS && !words.some((w) => PERIOD_WORDS.has(w))) {
      return opening.iso;
    }
  }
  for (const m of first.slice(0, CORRESPONDING_CHARS).matchAll(CORRESPONDING)) {
    const after = findFoldedDates(first.slice(m.index + m[0].length), reading)[0];
    if (after && after.start === 0) return after.iso;
  }
  for (const block of blocks) {
    if (block.trim().length > LINE_CHARS) continue;
    const folded = foldForDates(block);
    const found = findFoldedDates(folded, reading)[0];
    if (!found) continue;
    const words = wordsOf(`${folded.slice(0, found.start)} ${folded.slice(found.end)}`);
    if (words.length <= LINE_OTHER_WORDS && !words.some((w) => PERIOD_WORDS.has(w))) {
      return found.iso;
    }
  }
  return null;
}

const wordsOf = (text: string): string[] => text.match(/\p{L}+/gu) ?? [];
