// A near-duplicate signature of an article body: one-permutation MinHash over word shingles.
// Each shingle gets one 64-bit hash; its high bits pick one of BINS bins, and each bin keeps the
// least low word it saw. Two bodies agree in a bin with probability about their Jaccard
// similarity, so the share of agreeing bins estimates it. Only the low 8 bits of each bin are
// kept (b-bit MinHash): BINS bytes a signature, at the price of a 1/256 chance agreement that
// the estimate corrects. Parameters and their measurements: docs/versions.md.
import { fmix64, mulHigh32, spanHash64, type U64 } from './hash64';

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** Bins (one byte each) per signature; two more bytes hold the shingle count. */
export const SIGNATURE_BINS = 38;
/** Bytes per signature. */
export const SIGNATURE_BYTES = SIGNATURE_BINS + 2;

export interface SignatureParams {
  shingleWords: number;
  bins: number;
}

const DEFAULT_PARAMS: SignatureParams = { shingleWords: SHINGLE_WORDS, bins: SIGNATURE_BINS };

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text as the signature sees them: letters and digits, lower-cased. */
export function signatureWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * wordHash64 of each of signatureWords(text), in order, found by a walk over the lower-cased
 * text: no string or match per word (the signature is made for every article imported).
 */
function wordHashes(text: string): { count: number; wordHi: Uint32Array; wordLo: Uint32Array } {
  const lower = text.toLowerCase();
  // Words are at least one code unit with one between them.
  const most = (lower.length + 1) >>> 1;
  const wordHi = new Uint32Array(most);
  const wordLo = new Uint32Array(most);
  const h: U64 = { hi: 0, lo: 0 };
  let count = 0;
  let i = 0;
  while (i < lower.length) {
    let width = wordCharWidth(lower, i);
    if (width === 0) {
      i += charWidth(lower, i);
      continue;
    }
    const start = i;
    do i += width;
    while (i < lower.length && (width = wordCharWidth(lower, i)) > 0);
    spanHash64(lower, start, i, h);
    wordHi[count] = h.hi;
    wordLo[count] = h.lo;
    count++;
  }
  return { count, wordHi, wordLo };
}

// Whether each BMP code unit is a letter or digit (WORD's class): 0 not yet known, 1 no, 2 yes.
const bmpWordChar = new Uint8Array(0x10000);
const astralWordChar = new Map<number, boolean>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

const charWidth = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
};

/** The width in code units of the letter or digit at `i`, or 0 when there is none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (charWidth(text, i) === 2) {
    const cp = text.codePointAt(i)!;
    let yes = astralWordChar.get(cp);
    if (yes === undefined) astralWordChar.set(cp, (yes = WORD_CHAR.test(String.fromCodePoint(cp))));
    return yes ? 2 : 0;
  }
  let known = bmpWordChar[c]!;
  // A lone surrogate is tested alone: no letter.
  if (known === 0) bmpWordChar[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2 ? 1 : 0;
}

/** The signature of a body, or null when it has no words. */
export function nearSignature(
  body: string,
  params: SignatureParams = DEFAULT_PARAMS,
): Uint8Array | null {
  const { count, wordHi, wordLo } = wordHashes(body);
  if (count === 0) return null;
  const { shingleWords, bins } = params;
  const h: U64 = { hi: 0, lo: 0 };
  const mins = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  // A body shorter than one shingle is one shingle of all its words.
  const width = Math.min(shingleWords, count);
  for (let start = 0; start + width <= count; start++) {
    // Each word's hash rotated by its place in the shingle, so that order counts; fmix64
    // then spreads every bit of the 64 over the whole hash.
    let hi = width;
    let lo = 0;
    for (let j = 0; j < width; j++) {
      const r = (j * 7) & 31;
      const wh = wordHi[start + j]!;
      const wl = wordLo[start + j]!;
      hi ^= r === 0 ? wh : (wh << r) | (wh >>> (32 - r));
      lo ^= r === 0 ? wl : (wl << r) | (wl >>> (32 - r));
    }
    h.hi = hi >>> 0;
    h.lo = lo >>> 0;
    fmix64(h);
    const bin = mulHigh32(h.hi, bins);
    if (h.lo < mins[bin]! || !filled[bin]) mins[bin] = h.lo;
    filled[bin] = 1;
  }
  const out = new Uint8Array(bins + 2);
  densify(mins, filled, out);
  // The set size turns a Jaccard estimate into containment (a version with paragraphs cut).
  const shingles = Math.min(count - width + 1, 0xffff);
  out[bins] = shingles & 0xff;
  out[bins + 1] = shingles >>> 8;
  return out;
}

/**
 * The signature bytes. An empty bin (short bodies) borrows the nearest filled bin to its right,
 * mixed with the distance, so that two bodies agree there about as often as in a filled bin.
 */
function densify(mins: Uint32Array, filled: Uint8Array, out: Uint8Array): void {
  const bins = mins.length;
  for (let b = 0; b < bins; b++) {
    if (filled[b]) {
      out[b] = mins[b]! & 0xff;
      continue;
    }
    let d = 1;
    while (!filled[(b + d) % bins]) d++;
    out[b] = Math.imul(mins[(b + d) % bins]! ^ d, 0x9e3779b1) >>> 24;
  }
}

/** The Jaccard similarity of two bodies estimated from their signatures (0..1). */
export function signatureSimilarity(a: Uint8Array, b: Uint8Array): number {
  const bins = a.length - 2;
  if (b.length !== a.length || bins <= 0) return 0;
  let same = 0;
  for (let i = 0; i < bins; i++) if (a[i] === b[i]) same++;
  // One bin in 256 agrees by chance: P(same) = J + (1 - J) / 256.
  const chance = 1 / 256;
  return Math.max(0, (same / bins - chance) / (1 - chance));
}

/** The shingle count a signature recorded. */
export function signatureShingles(sig: Uint8Array): number {
  return sig[sig.length - 2]! | (sig[sig.length - 1]! << 8);
}

/**
 * The estimated share of the shorter body's shingles found in the other (0..1): 1 for a
 * version that only cut paragraphs, where Jaccard is just the ratio of the lengths.
 */
export function signatureContainment(a: Uint8Array, b: Uint8Array): number {
  const j = signatureSimilarity(a, b);
  const na = signatureShingles(a);
  const nb = signatureShingles(b);
  const smaller = Math.min(na, nb);
  if (smaller === 0) return 0;
  // |A ∩ B| = J (|A| + |B|) / (1 + J)
  return Math.min(1, (j * (na + nb)) / ((1 + j) * smaller));
}
