// How much a decoded string looks like real text: used to choose between legacy encodings.

// Punctuation and symbols that 8-bit Western texts commonly carry beyond ASCII.
const COMMON_SYMBOLS =
  /[\u00a0-\u00bf\u00d7\u00f7\u060c\u061b\u061f\u0660-\u066d\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u2122]/u;
const LETTER = /[\p{L}\p{M}]/u;
const CONTROL = /(?![\t\n\r\f])\p{Cc}|\ufffd/u;

/** Script name of a letter, coarse enough to tell Latin from Arabic from Cyrillic. */
function scriptOf(ch: string): string {
  for (const script of SCRIPTS) if (script.re.test(ch)) return script.name;
  return 'other';
}

const SCRIPTS = [
  { name: 'latin', re: /\p{Script=Latin}/u },
  { name: 'arabic', re: /\p{Script=Arabic}/u },
  { name: 'cyrillic', re: /\p{Script=Cyrillic}/u },
  { name: 'greek', re: /\p{Script=Greek}/u },
  { name: 'hebrew', re: /\p{Script=Hebrew}/u },
  { name: 'thai', re: /\p{Script=Thai}/u },
];

/**
 * A score from 0 to 1: the share of non-ASCII characters that are letters of the dominant
 * script or common symbols. Control characters or U+FFFD make it 0, since a right decode
 * of a text file never produces them.
 */
export function plausibility(text: string): number {
  let nonAscii = 0;
  let asciiLetters = 0;
  let symbols = 0;
  const letters = new Map<string, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if (CONTROL.test(ch)) return 0;
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) asciiLetters++;
      continue;
    }
    if (CONTROL.test(ch)) return 0;
    nonAscii++;
    if (LETTER.test(ch)) {
      const script = scriptOf(ch);
      letters.set(script, (letters.get(script) ?? 0) + 1);
    } else if (COMMON_SYMBOLS.test(ch)) {
      symbols++;
    }
  }
  if (nonAscii === 0) return 1;
  const dominant = Math.max(0, ...letters.values());
  const score = (dominant + symbols) / nonAscii;
  // Real Latin-script text is mostly plain ASCII letters; a non-Latin text decoded with a
  // Western code page turns into a run of accented Latin letters instead.
  const latin = letters.get('latin') ?? 0;
  if (latin === dominant && latin > asciiLetters) return score / 2;
  return score;
}
