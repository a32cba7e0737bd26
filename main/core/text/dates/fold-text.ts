// Text folded for matching date words: one spelling per letter, whatever the script.
import { asciiDigits } from './digits';

const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g; // harakat, superscript alef, tatweel
const LATIN_MARKS = /\p{M}/gu;

/**
 * Lower-cases, drops accents and Arabic marks, and unifies Arabic and Persian letter forms
 * (hamza-carrying alefs, yeh, kaf, teh marbuta kept) and digits. Positions may shift: the
 * result is only compared with other folded text.
 */
export function foldForDates(text: string): string {
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
