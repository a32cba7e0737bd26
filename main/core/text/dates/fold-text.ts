// Text folded for matching date words: one spelling per letter, whatever the script.
import { asciiDigits } from './digits';

const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g; // harakat, superscript alef, tatweel
const LATIN_MARKS = /\p{M}/gu;
// Folding leaves ASCII text as its lower case: no marks, digits or letters to unify.
const NON_ASCII = /[\u0080-\uffff]/;
// Where folding a text is not folding each character alone: surrogate pairs (astral
// characters), Hangul jamo that NFC joins with their neighbours, and capital sigma, whose lower
// case depends on whether a letter follows.
const NOT_PER_CHARACTER = /[\ud800-\udfff\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u03a3]/;
// The last text folded: an article's top is read for a "Published" and an "Updated" label.
let lastText = '';
let lastFolded = '';
// Each BMP character's fold, found as characters are met: SAME when it folds to itself (most
// do), else OTHER and its fold in `otherFolds`.
const UNKNOWN = 0;
const SAME = 1;
const OTHER = 2;
const foldKinds = new Uint8Array(0x10000);
const otherFolds = new Map<number, string>();

/**
 * Lower-cases, drops accents and Arabic marks, and unifies Arabic and Persian letter forms
 * (hamza-carrying alefs, yeh, kaf, teh marbuta kept) and digits. Positions may shift: the
 * result is only compared with other folded text.
 */
export function foldForDates(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  if (text === lastText) return lastFolded;
  lastFolded = NOT_PER_CHARACTER.test(text) ? foldWholeText(text) : foldEachCharacter(text);
  lastText = text;
  return lastFolded;
}

/**
 * `foldWholeText` one character at a time, each character's fold remembered: the same result wherever
 * no two characters interact (NOT_PER_CHARACTER), without normalising the whole text twice.
 */
function foldEachCharacter(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = foldKinds[code]!;
    if (kind === UNKNOWN) kind = learnFold(code);
    if (kind === SAME) continue;
    out += text.slice(kept, i) + otherFolds.get(code)!;
    kept = i + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

function learnFold(code: number): number {
  const folded = foldWholeText(String.fromCharCode(code));
  const kind = folded.length === 1 && folded.charCodeAt(0) === code ? SAME : OTHER;
  if (kind === OTHER) otherFolds.set(code, folded);
  foldKinds[code] = kind;
  return kind;
}

/** The fold of a whole text, as the steps are written. */
export function foldWholeText(text: string): string {
  return asciiDigits(text)
    .replace(ARABIC_MARKS, '')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627') // أ إ آ ٱ -> ا
    .replace(/[\u0649\u06cc]/g, '\u064a') // ى ی -> ي
    .replace(/\u06a9/g, '\u0643') // ک -> ك
    .replace(/\u200c/g, '') // zero-width non-joiner (دی‌ماه)
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC')
    .toLowerCase();
}
