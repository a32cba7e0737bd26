// franc-min's trigram comparison, over franc-min's own profiles, with the same answers and a
// fraction of the work. franc compares a text with every profile of its script (44 for Latin)
// by looking each of the text's trigrams up in each profile; here each trigram is looked up
// once, in a table of the profiles that hold it and at which rank. The cleaning, the counting
// and the distance are franc's (trigram-utils 2 and franc 6): tests check the answers against
// franc itself.
import { data as minData } from 'franc-min/data.js';
import { MORE_LANGUAGE_PROFILES, PROFILE_ORDER } from './more-language-profiles';

/**
 * franc-min's profiles per script, with franc's for the written languages of news it lacks
 * (more-language-profiles.ts: Danish, Norwegian, Finnish, Catalan, Slovak…), in franc's order.
 */
const data: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(minData).map(([script, profiles]) => {
    const order = PROFILE_ORDER[script];
    if (!order) return [script, profiles];
    const more = MORE_LANGUAGE_PROFILES[script] ?? {};
    return [script, Object.fromEntries(order.map((l) => [l, profiles[l] ?? more[l]!]))];
  }),
);

// franc's cost of a trigram a profile does not have, and the most of a text it reads.
const MAX_DIFFERENCE = 300;
const MAX_LENGTH = 2048;

/** The profiles of one script, indexed by trigram. */
interface ScriptTable {
  readonly languages: readonly string[];
  // Per language, true for one franc-min lacks (more-language-profiles.ts).
  readonly added: readonly boolean[];
  // Trigram (as trigramKey) → its entry number.
  readonly entryOf: ReadonlyMap<number, number>;
  // Entry e's pairs (language index, rank in that language's profile) are
  // pairs[2 * start[e]] up to pairs[2 * start[e + 1]].
  readonly start: Int32Array;
  readonly pairs: Int32Array;
  // Entry e's count in the text of call calls[e] (counts of older calls are stale).
  readonly counts: Int32Array;
  readonly calls: Float64Array;
}

const tables = new Map<string, ScriptTable>();

// Built in two passes into flat arrays: a first version with a small array per trigram took
// 30 ms per worker for the Latin profiles.
function buildTable(script: string, profiles: Record<string, string>): ScriptTable {
  const languages = Object.keys(profiles);
  const models = languages.map((language) => profiles[language]!.split('|'));
  const entryOf = new Map<number, number>();
  const held: number[] = [];
  // The last language that listed each entry: franc keeps the first rank of a trigram
  // listed twice in one profile.
  const lastHolder: number[] = [];
  models.forEach((model, index) => {
    for (const trigram of model) {
      // A trigram is three UTF-16 code units, as franc slices the text.
      if (trigram.length !== 3) continue;
      const key = trigramKey(trigram, 0);
      let entry = entryOf.get(key);
      if (entry === undefined) {
        entry = held.length;
        entryOf.set(key, entry);
        held.push(0);
        lastHolder.push(-1);
      }
      if (lastHolder[entry] === index) continue;
      lastHolder[entry] = index;
      held[entry]! += 1;
    }
  });
  const start = new Int32Array(held.length + 1);
  for (let e = 0; e < held.length; e++) start[e + 1] = start[e]! + held[e]!;
  const pairs = new Int32Array(2 * start[held.length]!);
  const filled = start.slice(0, held.length);
  lastHolder.fill(-1);
  models.forEach((model, index) => {
    model.forEach((trigram, rank) => {
      if (trigram.length !== 3) return;
      const entry = entryOf.get(trigramKey(trigram, 0))!;
      if (lastHolder[entry] === index) return;
      lastHolder[entry] = index;
      const at = 2 * filled[entry]!++;
      pairs[at] = index;
      pairs[at + 1] = rank;
    });
  });
  return {
    languages,
    added: languages.map((l) => !(l in (minData[script] ?? {}))),
    entryOf,
    start,
    pairs,
    counts: new Int32Array(held.length),
    calls: new Float64Array(held.length),
  };
}

/** The code units of text[i, i + 3) as one number: a Map key without a string per trigram. */
const trigramKey = (text: string, i: number): number =>
  text.charCodeAt(i) * 0x100000000 + text.charCodeAt(i + 1) * 0x10000 + text.charCodeAt(i + 2);

function tableOf(script: string): ScriptTable | null {
  let table = tables.get(script);
  if (!table) {
    const profiles = data[script];
    if (!profiles) return null;
    table = buildTable(script, profiles);
    tables.set(script, table);
  }
  return table;
}

/** The languages with trigram profiles in the script, in franc's order ([] if none). */
export function scriptCandidates(script: string): readonly string[] {
  return tableOf(script)?.languages ?? [];
}

/** Scripts whose languages are told apart by trigram profiles (several languages each). */
export function profiledScripts(): readonly string[] {
  return Object.keys(data);
}

// trigram-utils' clean(): digits and ASCII punctuation become spaces, whitespace collapses.
function clean(text: string): string {
  return text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// Numbers the calls, so that a trigram's count from an earlier text reads as zero.
let calls = 0;

/**
 * The ISO 639-3 code of the closest franc-min profile of the script for the text (franc's
 * answer for a text of that script), or null when franc-min has no profiles of the script.
 */
export function closestLanguage(text: string, script: string): string | null {
  const table = tableOf(script);
  if (!table) return null;
  const padded = ` ${clean(text.slice(0, MAX_LENGTH))} `;
  const call = ++calls;
  // franc's distance to a profile is the sum, over the text's distinct trigrams, of
  // |count - rank - 1| where the profile holds the trigram and MAX_DIFFERENCE where it does not.
  // Kept here less the same MAX_DIFFERENCE per distinct trigram for every profile (which changes
  // no order), so that trigrams no profile holds cost nothing and need no counting.
  const { entryOf, start, pairs, counts, calls: callOf } = table;
  const seen: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    const entry = entryOf.get(trigramKey(padded, i));
    if (entry === undefined) continue;
    if (callOf[entry] !== call) {
      callOf[entry] = call;
      counts[entry] = 0;
      seen.push(entry);
    }
    counts[entry]! += 1;
  }
  const distances = new Int32Array(table.languages.length);
  for (const entry of seen) {
    const count = counts[entry]!;
    for (let p = 2 * start[entry]!, end = 2 * start[entry + 1]!; p < end; p += 2) {
      distances[pairs[p]!]! += Math.abs(count - pairs[p + 1]! - 1) - MAX_DIFFERENCE;
    }
  }
  // franc sorts stably by distance: the first of equals wins.
  let best = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i]! < distances[best]!) best = i;
  if (table.added[best]) {
    const original = closestOriginal(table, distances);
    if (!addedWins(distances, best, original, seen.length)) best = original;
  }
  return table.languages[best]!;
}

// An added language (more-language-profiles.ts) is answered only when it beats franc-min's
// closest language by ADDED_MIN_GAP per trigram the profiles know, over ADDED_MIN_TRIGRAMS of
// them at least. Unchecked, the added profiles took 542 of 23,225 English (and misread)
// texts of Reuters-21578 and BBC from franc-min's answer, nearly all headlines alone or tables
// of figures (a median of 51 such trigrams, and 3.5 per trigram ahead); these bounds leave
// 48 of them, and every sentence written in an added language for the tests (18, the least
// 5.7 ahead over 69 trigrams) still gets its language.
const ADDED_MIN_GAP = 5;
const ADDED_MIN_TRIGRAMS = 60;

/** True when added language `best` is far enough ahead of franc-min's closest, `original`. */
function addedWins(distances: Int32Array, best: number, original: number, trigrams: number) {
  return (
    trigrams >= ADDED_MIN_TRIGRAMS &&
    distances[original]! - distances[best]! >= ADDED_MIN_GAP * trigrams
  );
}

/** The closest of franc-min's own languages (the first of equals, as franc takes). */
function closestOriginal(table: ScriptTable, distances: Int32Array): number {
  let best = -1;
  for (let i = 0; i < distances.length; i++) {
    if (!table.added[i] && (best < 0 || distances[i]! < distances[best]!)) best = i;
  }
  return best;
}
