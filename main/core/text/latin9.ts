// Tells ISO-8859-15 (Latin-9) from ISO-8859-1: chardet reports both as ISO-8859-1. They
// differ on eight bytes only, where Latin-9 has € Š š Ž ž Œ œ Ÿ and Latin-1 ¤ ¦ ¨ ´ ¸ ¼ ½ ¾.

const isLetter = (b: number | undefined): boolean =>
  b !== undefined && (((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) || b >= 0xc0);
const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/**
 * True when the bytes read better as ISO-8859-15: Œ œ Ÿ Š š inside words ("c\xBDur") or €
 * beside a number outweigh ¼ ½ ¾ beside digits ("2\xBD cups"). ´ and ¸ are left out: they
 * stand in for apostrophes in Latin-1 text as often as they are Ž ž in Latin-9.
 */
export function looksLikeLatin9(bytes: Uint8Array): boolean {
  let latin9 = 0;
  let latin1 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xa4 || b > 0xbe) continue;
    const before = bytes[i - 1];
    const after = bytes[i + 1];
    if (b === 0xbc || b === 0xbd || b === 0xbe) {
      if (isDigit(before) || isDigit(after)) latin1++;
      else if (isLetter(before) && isLetter(after)) latin9++;
    } else if (b === 0xa6 || b === 0xa8) {
      if (isLetter(before) && isLetter(after)) latin9++;
    } else if (b === 0xa4) {
      const spacedBefore = before === 0x20 && isDigit(bytes[i - 2]);
      const spacedAfter = after === 0x20 && isDigit(bytes[i + 2]);
      if (isDigit(before) || isDigit(after) || spacedBefore || spacedAfter) {
        latin9++;
      }
    }
  }
  return latin9 > latin1;
}
