// Term normalisation shared by indexing, querying and highlighting: the same word in any
// spelling variant must become the same term on every side.

const ARABIC_MAP: Record<string, string> = {
  // Yeh variants (Persian yeh, alef maksura) and the hamza carriers on yeh / waw.
  '\u06CC': '\u064A',
  '\u0649': '\u064A',
  '\u0626': '\u064A',
  '\u0624': '\u0648',
  // Kaf variants (Persian keheh).
  '\u06A9': '\u0643',
  // Alef variants (hamza above/below, madda, wasla).
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  // Teh marbuta and heh with yeh above are written interchangeably with heh.
  '\u0629': '\u0647',
  '\u06C0': '\u0647',
  '\u06C1': '\u0647',
};

// Harakat, superscript alef, tatweel and zero-width joiners carry no meaning for matching.
const ARABIC_STRIP = /[\u064B-\u065F\u0670\u0640\u200C\u200D]/g;
const ARABIC_VARIANTS =
  /[\u06CC\u0649\u0626\u0624\u06A9\u0623\u0625\u0622\u0671\u0629\u06C0\u06C1]/g;
// Arabic-Indic and extended (Persian) digits, which NFKC leaves alone.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const LATIN_GREEK_WITH_MARKS = /([\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036F]+/gu;
const HAS_ARABIC = /[\u0600-\u06FF\u200C\u200D]/;
const HAS_MARK_CANDIDATE = /[^ -~]/;
// Hebrew points (niqqud) and cantillation: most Hebrew text is written without them.
const HEBREW_POINTS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
const SOFT_HYPHEN = /\u00AD/g;

/** Arabic/Persian spelling normalisation: one form per letter family, no diacritics. */
export function normalizeArabic(word: string): string {
  if (!HAS_ARABIC.test(word)) return word;
  return word
    .replace(ARABIC_STRIP, '')
    .replace(ARABIC_VARIANTS, (c) => ARABIC_MAP[c] ?? c)
    .replace(EASTERN_DIGITS, (c) => {
      const code = c.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    });
}

/** Removes accents from Latin and Greek letters (café → cafe), leaving other scripts intact. */
export function foldDiacritics(word: string): string {
  if (!HAS_MARK_CANDIDATE.test(word)) return word;
  return word.normalize('NFD').replace(LATIN_GREEK_WITH_MARKS, '$1').normalize('NFC');
}

/** The matching form of one word: NFKC, lowercase, Arabic/Persian/Hebrew unified, accents folded. */
export function normalizeWord(word: string): string {
  let w = word.normalize('NFKC').toLowerCase().replace(SOFT_HYPHEN, '');
  w = normalizeArabic(w).replace(HEBREW_POINTS, '');
  // Russian writes ё as е in most printed text; both spellings must meet.
  w = w.replace(/ё/g, 'е');
  w = foldDiacritics(w).replace(/ß/g, 'ss');
  // Greek final sigma must equal medial sigma, or "λόγος" would never match "λογοσ..." prefixes.
  return w.replace(/ς/g, 'σ');
}
