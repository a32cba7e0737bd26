// Decimal digits of other scripts read as ASCII digits, one character for one: Arabic-Indic
// (٠–٩), Persian (۰–۹), the Indian scripts (Devanagari ०–९, Bengali, Gurmukhi, Gujarati,
// Oriya, Tamil, Telugu, Kannada, Malayalam), Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and
// full-width (０–９, in Chinese and Japanese text).

// The zero of each run of ten digits.
const ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50,
  0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
];
const OTHER_DIGIT = new RegExp(
  `[${ZEROS.map((z) => `\\u${z.toString(16).padStart(4, '0')}-\\u${(z + 9).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);

/** Replaces the digits of other scripts with ASCII ones; the length is unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    const zero = ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}
