// 64-bit integer arithmetic on two unsigned 32-bit halves. Numbers multiplied as doubles lose
// bits above 2^53, so every product here is either Math.imul (the low 32 bits, exact) or of
// 16-bit limbs (under 2^32, exact); BigInt would be exact too but is far slower per word.

/** A 64-bit unsigned value as its high and low 32 bits (both unsigned). */
export interface U64 {
  hi: number;
  lo: number;
}

/** The high 32 bits of the 64-bit product of two unsigned 32-bit numbers. */
export function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

/** (a * b) mod 2^64, written into `out` (which may be `a`). */
export function mul64(a: U64, bHi: number, bLo: number, out: U64): U64 {
  const hi = (mulHigh32(a.lo, bLo) + Math.imul(a.hi, bLo) + Math.imul(a.lo, bHi)) >>> 0;
  out.lo = Math.imul(a.lo, bLo) >>> 0;
  out.hi = hi;
  return out;
}

// MurmurHash3's 64-bit finaliser constants.
const C1_HI = 0xff51afd7;
const C1_LO = 0xed558ccd;
const C2_HI = 0xc4ceb9fe;
const C2_LO = 0x1a85ec53;

/** MurmurHash3's fmix64 in place: every input bit flips about half the output bits. */
export function fmix64(k: U64): U64 {
  k.lo = (k.lo ^ (k.hi >>> 1)) >>> 0;
  mul64(k, C1_HI, C1_LO, k);
  k.lo = (k.lo ^ (k.hi >>> 1)) >>> 0;
  mul64(k, C2_HI, C2_LO, k);
  k.lo = (k.lo ^ (k.hi >>> 1)) >>> 0;
  return k;
}

/** MurmurHash3's 32-bit finaliser. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A fast 64-bit string hash for short words: two 32-bit multiply-xor lanes over the UTF-16
 * code units (Math.imul only), each finalised and mixed with the other. A third of the cost of
 * FNV-1a 64, which needs a 64-bit product per byte (measured: docs/versions.md).
 */
export function wordHash64(text: string, out: U64 = { hi: 0, lo: 0 }): U64 {
  return spanHash64(text, 0, text.length, out);
}

/** wordHash64 of text[start, end), without making that string. */
export function spanHash64(text: string, start: number, end: number, out: U64): U64 {
  let a = 0x9747b28c ^ (end - start);
  let b = 0x5bd1e995 ^ (end - start);
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0xcc9e2d51) ^ unit;
  }
  const lo = fmix32(a ^ Math.imul(b, 0x1b873593));
  out.lo = lo;
  out.hi = fmix32(b ^ lo);
  return out;
}
