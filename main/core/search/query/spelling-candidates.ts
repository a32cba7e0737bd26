// Spellings one edit away from a typed word, checked against the index through the analyser,
// so a typo is matched to the word meant even where their stems are far apart ("estmiate" is
// one swap from "estimate", whose stem "estim" is four edits from "estmiat"): the index holds
// stems, so a fuzzy walk over its terms cannot see that. The edits are Norvig's (delete, swap,
// replace, insert) over the letters the index uses in the word's script.
import type { Segment } from '../segments/segment';

/** Most letters tried for replacements and inserts (a script's commonest in the index). */
const MAX_ALPHABET = 48;

// Scripts told apart for the alphabet; a character in none of them forms its own group.
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Devanagari}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Georgian}/u,
  /\p{Script=Hangul}/u,
  /\p{Script=Bengali}/u,
  /\p{Script=Tamil}/u,
  /\p{Script=Ethiopic}/u,
];

const scriptOf = (ch: string): number => {
  const i = SCRIPTS.findIndex((re) => re.test(ch));
  return i >= 0 ? i : -1 - (ch.codePointAt(0) ?? 0);
};

// Per segment (segments never change): how often each letter occurs in its terms.
const letterCounts = new WeakMap<Segment, Map<string, number>>();

function countsOf(seg: Segment): Map<string, number> {
  let counts = letterCounts.get(seg);
  if (counts) return counts;
  // Counted by code unit in a table, not a Map per character: the first misspelt word after an
  // open walked every term of every segment (430,000 at 100,000 articles) in ~140 ms that way.
  // Letters keep the order they were first seen in, which breaks ties in alphabetFor.
  const units = new Uint32Array(0x10000);
  const firstSeen: string[] = [];
  let astral: Map<string, number> | null = null;
  for (const term of seg.index.data.terms) {
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) {
        if (units[c]!++ === 0) firstSeen.push(term[i]!);
        continue;
      }
      // A surrogate pair is one character (a lone surrogate counts as itself).
      const ch = String.fromCodePoint(term.codePointAt(i)!);
      astral ??= new Map();
      const n = astral.get(ch) ?? 0;
      if (n === 0) firstSeen.push(ch);
      astral.set(ch, n + 1);
      i += ch.length - 1;
    }
  }
  counts = new Map();
  for (const ch of firstSeen) {
    counts.set(ch, astral?.get(ch) ?? units[ch.charCodeAt(0)]!);
  }
  letterCounts.set(seg, counts);
  return counts;
}

/** The letters tried in `word`: the index's commonest ones of the word's script, and its own. */
export function alphabetFor(word: string, segments: readonly Segment[]): string[] {
  const script = scriptOf([...word][0] ?? '');
  const total = new Map<string, number>();
  for (const seg of segments) {
    for (const [ch, n] of countsOf(seg)) {
      if (/\p{L}|\p{M}/u.test(ch) && scriptOf(ch) === script)
        total.set(ch, (total.get(ch) ?? 0) + n);
    }
  }
  const common = [...total].sort((a, b) => b[1] - a[1]).slice(0, MAX_ALPHABET);
  return [...new Set([...common.map(([ch]) => ch), ...word])];
}

/** Every string one edit (delete, swap of neighbours, replace, insert) from `word`. */
export function oneEditAway(word: string, alphabet: readonly string[]): string[] {
  const chars = [...word];
  const out = new Set<string>();
  const at = (i: number, j: number, middle: string): string =>
    chars.slice(0, i).join('') + middle + chars.slice(j).join('');
  for (let i = 0; i < chars.length; i++) {
    out.add(at(i, i + 1, ''));
    if (i + 1 < chars.length) out.add(at(i, i + 2, chars[i + 1]! + chars[i]!));
    for (const ch of alphabet) if (ch !== chars[i]) out.add(at(i, i + 1, ch));
  }
  for (let i = 0; i <= chars.length; i++) for (const ch of alphabet) out.add(at(i, i, ch));
  out.delete(word);
  out.delete('');
  return [...out];
}
