// Text folded for matching date words: one spelling per letter, whatever the script.
import { asciiDigits } from './digits';

const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g; // harakat, superscript alef, tatweel
// Accents go, as after NFD they are marks of their own; the vowel signs of the Indic and
// Southeast Asian scripts are marks too, but dropping them made different words one ("जून",
// June, and "जाने", January in Marathi, both "जन"), so those stay. The nukta goes: "फ़रवरी"
// (February) is as often written "फरवरी".
const ACCENTS =
  // eslint-disable-next-line no-misleading-character-class -- ranges of code points, no glyphs
  /(?![\u0900-\u093b\u093d-\u09bb\u09bd-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\ua8e0-\ua8ff])\p{M}/gu;
// Folding leaves ASCII text as its lower case: no marks, digits or letters to unify.
const NON_ASCII = /[\u0080-\uffff]/;
// The last text folded (month names, dates and labels are looked for in the same texts).
let lastText = '';
let lastFolded = '';
// Each BMP character's fold, found as characters are met (0 until then): SAME when it folds
// to itself (most do), else OTHER, its fold in `foldUnits` (one code unit) or `longerFolds`
// (none or several; LONGER in foldUnits). WHOLE marks where folding a text is not folding each
// character alone: surrogate pairs (astral characters), Hangul jamo that NFC joins with their
// neighbours, and capital sigma, whose lower case depends on whether a letter follows.
const SAME = 1;
const OTHER = 2;
const WHOLE = 3;
const LONGER = 0xffff;
const foldKinds = new Uint8Array(0x10000);
const foldUnits = new Uint16Array(0x10000);
const longerFolds = new Map<number, string>();
for (const [from, to] of [
  [0xd800, 0xdfff],
  [0x1100, 0x11ff],
  [0xa960, 0xa97f],
  [0xd7b0, 0xd7ff],
  [0x03a3, 0x03a3],
] as const) {
  foldKinds.fill(WHOLE, from, to + 1);
}
// The folded code units of a text: one string is made of them at the end instead of one
// string per folded character (Arabic and accented text fold many characters). This buffer
// is reused for texts that fit it; a longer text gets its own, so that one huge text does not
// leave a huge buffer behind.
const reused = new Uint16Array(16 * 1024);
// Code units per String.fromCharCode call (its arguments go on the stack).
const UNITS_PER_CALL = 4096;

/**
 * Lower-cases, drops accents (not Indic vowel signs) and Arabic marks, and unifies Arabic and Persian letter forms
 * (hamza-carrying alefs, yeh, kaf, teh marbuta kept) and digits. Positions may shift: the
 * result is only compared with other folded text.
 */
export function foldForDates(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  if (text === lastText) return lastFolded;
  lastFolded = foldEachCharacter(text) ?? foldWholeText(text);
  lastText = text;
  return lastFolded;
}

/**
 * `foldWholeText` one character at a time, each character's fold remembered: the same result
 * wherever no two characters interact; null when some do (a WHOLE character).
 */
function foldEachCharacter(text: string): string | null {
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const kind = foldKinds[code] || learnFold(code);
    if (kind !== SAME) break;
  }
  if (i === n) return text;
  let units = n <= reused.length ? reused : new Uint16Array(n);
  let length = 0;
  for (let j = 0; j < i; j++) units[length++] = text.charCodeAt(j);
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const kind = foldKinds[code] || learnFold(code);
    if (kind === SAME) units[length++] = code;
    else if (kind === WHOLE) return null;
    else if (foldUnits[code] !== LONGER) units[length++] = foldUnits[code]!;
    else {
      const fold = longerFolds.get(code)!;
      if (length + fold.length + (n - i) > units.length) {
        const grown = new Uint16Array((length + fold.length + n) * 2);
        grown.set(units.subarray(0, length));
        units = grown;
      }
      for (let k = 0; k < fold.length; k++) units[length++] = fold.charCodeAt(k);
    }
  }
  let out = '';
  for (let at = 0; at < length; at += UNITS_PER_CALL) {
    const part = units.subarray(at, Math.min(length, at + UNITS_PER_CALL));
    out += String.fromCharCode.apply(null, part as unknown as number[]);
  }
  return out;
}

function learnFold(code: number): number {
  const folded = foldWholeText(String.fromCharCode(code));
  if (folded.length === 1 && folded.charCodeAt(0) === code) return (foldKinds[code] = SAME);
  if (folded.length === 1) foldUnits[code] = folded.charCodeAt(0);
  else {
    foldUnits[code] = LONGER;
    longerFolds.set(code, folded);
  }
  return (foldKinds[code] = OTHER);
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
    .replace(ACCENTS, '')
    .normalize('NFC')
    .toLowerCase();
}
