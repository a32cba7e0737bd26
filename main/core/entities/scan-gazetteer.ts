// Places named in text of any language, by the gazetteer alone: every run of up to a few
// words that the gazetteer knows. Arabic and Persian words may carry a one-letter prefix
// ("و" and, "ب" in, "ل" for, "ف" so) or two of them ("وب"), taken off before looking up.
import { gazetteerLongest, gazetteerPlaceByKey, placeKey } from './gazetteer';

// "ولبنان" is و + لبنان, "وبغداد" و + ب + بغداد: every way of taking a prefix off is tried.
const ONE_PREFIX = /^[وفبلك](?=\p{Script=Arabic}{3,})/u;
const TWO_PREFIXES = /^[وف][بلك](?=\p{Script=Arabic}{3,})/u;

function withoutPrefixes(word: string): string[] {
  const out = [word];
  if (ONE_PREFIX.test(word)) out.push(word.slice(1));
  if (TWO_PREFIXES.test(word)) out.push(word.slice(2));
  return out;
}
const WORD = /[\p{L}\p{M}\p{N}.'’-]+/gu;

// Words' keys (placeKey), remembered across texts: news repeats its words, and normalising
// them was most of the cost of scanning. Bounded: emptied when full.
const KEYS_KEPT = 50_000;
const keyCache = new Map<string, string>();

function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    if (keyCache.size >= KEYS_KEPT) keyCache.clear();
    key = placeKey(word);
    keyCache.set(word, key);
  }
  return key;
}

/** The gazetteer's names of the places `text` names, in order, each once. */
export function scanGazetteer(text: string, capitalsOnly: boolean): string[] {
  const words = (text.match(WORD) ?? []).map((w) => w.replace(/[.'’-]+$/u, ''));
  const found = new Set<string>();
  const longest = gazetteerLongest();
  // The words hold no spaces, so the key of a run of words is the keys of its words joined
  // (empty ones left out): each word is normalised once, not once per run it starts or joins.
  const keys: (string | undefined)[] = new Array(words.length);
  const keyAt = (j: number): string => (keys[j] ??= wordKey(words[j]!));
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    // Latin-script languages write place names with a capital; "us" is a word in English.
    if (capitalsOnly && /^\p{Script=Latin}/u.test(first) && !/^\p{Lu}/u.test(first)) continue;
    let heads: (string | null)[] | null = null;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      // An empty word starts no place (null); a word whose key is empty adds nothing to it.
      heads ??= withoutPrefixes(first).map((head) => (head === '' ? null : wordKey(head)));
      const rest: string[] = [];
      for (let j = i + 1; j < i + n; j++) if (keyAt(j) !== '') rest.push(keyAt(j));
      let place: string | null = null;
      for (const head of heads) place ??= lookup(head, rest);
      if (place) {
        found.add(place);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
}

function lookup(head: string | null, rest: string[]): string | null {
  if (head === null) return null;
  return gazetteerPlaceByKey(head === '' ? rest.join(' ') : [head, ...rest].join(' '));
}
