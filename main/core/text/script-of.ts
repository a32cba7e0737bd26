// Which writing systems a text uses, counted in one pass over its code points. The scripts are
// franc-min's own (its expressions decide which trigram profiles a text is compared with), plus
// scripts franc-min has no profile of. Each code point is classified once, against the regexes
// themselves, and remembered: the regexes stay the definition, the table only saves repeating
// them, which made franc's 20 passes over each text (and ours for letters) one.
import { expressions } from 'franc-min/expressions.js';

/** Scripts franc-min does not know, each written in practice in one language. */
export const EXTRA_SCRIPTS: Readonly<Record<string, RegExp>> = {
  Hebrew: /\p{Script=Hebrew}/u,
  Armenian: /\p{Script=Armenian}/u,
  Georgian: /\p{Script=Georgian}/u,
  Khmer: /\p{Script=Khmer}/u,
  Lao: /\p{Script=Lao}/u,
};

const LETTER = /\p{L}/u;

/** franc-min's script names in its order (ties go to the first), then the extra scripts. */
export const SCRIPT_NAMES: readonly string[] = [
  ...Object.keys(expressions),
  ...Object.keys(EXTRA_SCRIPTS),
];
const FRANC_SCRIPTS = Object.keys(expressions).length;
// One bit per script and one for "is a letter": 31 bits is the most an int32 holds safely.
const LETTER_BIT = SCRIPT_NAMES.length;
if (LETTER_BIT > 30) throw new Error('too many scripts for a 32-bit mask');

// Non-global copies, so that test() keeps no lastIndex between calls.
const TESTS: RegExp[] = [
  ...Object.values(expressions).map((re) => new RegExp(re.source, re.flags.replace('g', ''))),
  ...Object.values(EXTRA_SCRIPTS),
];

const UNKNOWN = -1;
const bmp = new Int32Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, number>();

/** Bit mask of the scripts (and letter-ness) of one code point, given as its string. */
function classify(char: string): number {
  let mask = 0;
  for (let i = 0; i < TESTS.length; i++) {
    // A whole match only: a pair that no class covers must not count as its halves.
    const m = TESTS[i]!.exec(char);
    if (m && m[0].length === char.length) mask |= 1 << i;
  }
  if (LETTER.test(char)) mask |= 1 << LETTER_BIT;
  return mask;
}

function maskOf(char: string, code: number): number {
  if (code < 0x10000) {
    let mask = bmp[code]!;
    if (mask === UNKNOWN) {
      mask = classify(char);
      bmp[code] = mask;
    }
    return mask;
  }
  let mask = astral.get(code);
  if (mask === undefined) {
    mask = classify(char);
    astral.set(code, mask);
  }
  return mask;
}

/** Counts of one text: code points per script (in SCRIPT_NAMES order) and letters. */
export interface ScriptCounts {
  readonly perScript: Int32Array;
  readonly letters: number;
}

/** Counts the code points of each script, and the letters, in the text. */
export function countScripts(text: string): ScriptCounts {
  const perScript = new Int32Array(SCRIPT_NAMES.length);
  let letters = 0;
  for (const char of text) {
    const mask = maskOf(char, char.codePointAt(0)!);
    if (mask === 0) continue;
    for (let i = 0; i < LETTER_BIT; i++) if (mask & (1 << i)) perScript[i]! += 1;
    if (mask & (1 << LETTER_BIT)) letters += 1;
  }
  return { perScript, letters };
}

/**
 * franc-min's script of a text: the one of its scripts with most code points (the first of
 * equals), or null when none occurs.
 */
export function francScriptOf(counts: ScriptCounts): string | null {
  let top = 0;
  let best = -1;
  for (let i = 0; i < FRANC_SCRIPTS; i++) {
    if (counts.perScript[i]! > top) {
      top = counts.perScript[i]!;
      best = i;
    }
  }
  return best < 0 ? null : SCRIPT_NAMES[best]!;
}

/** Code points of the text in the named script (0 for a name not in SCRIPT_NAMES). */
export function countOf(counts: ScriptCounts, script: string): number {
  const i = SCRIPT_NAMES.indexOf(script);
  return i < 0 ? 0 : counts.perScript[i]!;
}
