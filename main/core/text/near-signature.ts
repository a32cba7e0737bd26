// A near-duplicate signature of an article body: one-permutation MinHash over word shingles.
// Each shingle gets one 64-bit hash; its high bits pick one of BINS bins, and each bin keeps the
// least low word it saw. Two bodies agree in a bin with probability about their Jaccard
// similarity, so the share of agreeing bins estimates it. Only the low 8 bits of each bin are
// kept (b-bit MinHash): BINS bytes a signature, at the price of a 1/256 chance agreement that
// the estimate corrects. Parameters and their measurements: docs/versions.md.
import { CodePointClasses } from './code-point-classes';
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

// Letters and digits (WORD's class) as bits of a class table; PAIR marks a surrogate pair.
const WORD_CHAR_BIT = 1;
const KNOWN = 2;
const PAIR = 4;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const classes = new CodePointClasses(
  (ch) => KNOWN | (WORD_CHAR.test(ch) ? WORD_CHAR_BIT : 0),
  PAIR,
);
// Word hashes of the text being signed, reused from one call to the next (grown as needed):
// nearSignature runs to its end without yielding, so one scratch serves every call.
let scratchHi = new Uint32Array(1024);
let scratchLo = new Uint32Array(1024);

/**
 * wordHash64 of each of signatureWords(text), in order, found by a walk over the lower-cased
 * text: no string or match per word (the signature is made for every article imported).
 */
function wordHashes(text: string): { count: number; wordHi: Uint32Array; wordLo: Uint32Array } {
  const lower = text.toLowerCase();
  // Words are at least one code unit with one between them.
  const most = (lower.length + 1) >>> 1;
  if (scratchHi.length < most) {
    scratchHi = new Uint32Array(most);
    scratchLo = new Uint32Array(most);
  }
  const wordHi = scratchHi;
  const wordLo = scratchLo;
  const h: U64 = { hi: 0, lo: 0 };
  const n = lower.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    let cls = classes.at(lower, i);
    if ((cls & WORD_CHAR_BIT) === 0) {
      i += cls & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    do i += cls & PAIR ? 2 : 1;
    while (i < n && (cls = classes.at(lower, i)) & WORD_CHAR_BIT);
    spanHash64(lower, start, i, h);
    wordHi[count] = h.hi;
    wordLo[count] = h.lo;
    count++;
  }
  return { count, wordHi, wordLo };
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
