// Places named in text of any language, by the gazetteer alone: every run of up to a few
// words that the gazetteer knows. Arabic and Persian words may carry a one-letter prefix
// ("و" and, "ب" in, "ل" for, "ف" so) or two of them ("وب"), taken off before looking up.
import { gazetteerLongest, gazetteerPlace } from './gazetteer';

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

/** The gazetteer's names of the places `text` names, in order, each once. */
export function scanGazetteer(text: string, capitalsOnly: boolean): string[] {
  const words = (text.match(WORD) ?? []).map((w) => w.replace(/[.'’-]+$/u, ''));
  const found = new Set<string>();
  const longest = gazetteerLongest();
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    // Latin-script languages write place names with a capital; "us" is a word in English.
    if (capitalsOnly && /^\p{Script=Latin}/u.test(first) && !/^\p{Lu}/u.test(first)) continue;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const rest = words.slice(i + 1, i + n);
      let place: string | null = null;
      for (const head of withoutPrefixes(first)) place ??= lookup([head, ...rest]);
      if (place) {
        found.add(place);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
}

function lookup(words: string[]): string | null {
  if (words[0] === '') return null;
  return gazetteerPlace(words.join(' '));
}
