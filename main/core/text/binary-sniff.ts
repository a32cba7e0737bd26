// Byte-level checks made before any decoding is tried.

/** True when the bytes hold a NUL, which text files in 8-bit or UTF-8 encodings never do. */
export function hasNulBytes(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/**
 * Recognises UTF-16 written without a byte order mark: mostly-ASCII text then has a NUL
 * in every other byte, on the odd positions for little endian and the even ones for big.
 */
export function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}
