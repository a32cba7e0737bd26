// A near-duplicate signature of an article body: one-permutation MinHash over word shingles.
// Each shingle gets one 64-bit hash; its high bits pick one of BINS bins, and each bin keeps the
// least low word it saw. Two bodies agree in a bin with probability about their Jaccard
// similarity, so the share of agreeing bins estimates it. Only the low 8 bits of each bin are
// kept (b-bit MinHash): BINS bytes a signature, at the price of a 1/256 chance agreement that
// the estimate corrects. Parameters and their measurements: docs/versions.md.
import { fmix64, mulHigh32, wordHash64, type U64 } from './hash64';

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

/** The signature of a body, or null when it has no words. */
export function nearSignature(
  body: string,
  params: SignatureParams = DEFAULT_PARAMS,
): Uint8Array | null {
  const words = signatureWords(body);
  if (words.length === 0) return null;
  const { shingleWords, bins } = params;
  const wordHi = new Uint32Array(words.length);
  const wordLo = new Uint32Array(words.length);
  const h: U64 = { hi: 0, lo: 0 };
  for (let i = 0; i < words.length; i++) {
    wordHash64(words[i]!, h);
    wordHi[i] = h.hi;
    wordLo[i] = h.lo;
  }
  const mins = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  // A body shorter than one shingle is one shingle of all its words.
  const width = Math.min(shingleWords, words.length);
  for (let start = 0; start + width <= words.length; start++) {
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
  const shingles = Math.min(words.length - width + 1, 0xffff);
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
