// Language detection with franc-min's data (trigram profiles of the 82 most spoken languages,
// and franc's of 12 written languages of news it lacks: closest-language.ts),
// answering "und" rather than guessing. tinyld was tried first and called about 1% of the
// BBC set Dutch, Polish or Klingon; franc-min got every one of them right. The script of the
// text is decided first, in one pass: a script with one language names it, and only a shared
// script (Latin, Cyrillic, Arabic, Devanagari) compares trigrams, with that script's profiles,
// as franc does, but in a few times less CPU (closest-language.ts; docs/benchmarks.md).
import { closestLanguage } from './closest-language';
import { countOf, countScripts, francScriptOf } from './script-of';

// Below this many letters detectors guess more than they know.
const MIN_LETTERS = 20;
// Trigram detection saturates well before this: on 12,000 news texts 400 characters gave the
// answer of 800 for 99.7% (the rest were mostly tables of figures) at 1.5x the speed.
const SAMPLE_CHARS = 400;

// franc answers ISO 639-3; the app speaks ISO 639-1 where a code exists.
const ISO1: Record<string, string> = {
  afr: 'af',
  als: 'sq',
  amh: 'am',
  arb: 'ar',
  azj: 'az',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  ckb: 'ku',
  cmn: 'zh',
  dan: 'da',
  deu: 'de',
  ekk: 'et',
  ell: 'el',
  eng: 'en',
  fin: 'fi',
  fra: 'fr',
  fuv: 'ff',
  guj: 'gu',
  hau: 'ha',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  ibo: 'ig',
  ind: 'id',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kan: 'kn',
  kaz: 'kk',
  kin: 'rw',
  kor: 'ko',
  lin: 'ln',
  lit: 'lt',
  lvs: 'lv',
  mal: 'ml',
  mar: 'mr',
  mkd: 'mk',
  mya: 'my',
  nld: 'nl',
  npi: 'ne',
  nob: 'nb',
  nya: 'ny',
  pan: 'pa',
  pbu: 'ps',
  pes: 'fa',
  plt: 'mg',
  pol: 'pl',
  por: 'pt',
  prs: 'fa',
  qug: 'qu',
  ron: 'ro',
  run: 'rn',
  rus: 'ru',
  sin: 'si',
  slk: 'sk',
  slv: 'sl',
  som: 'so',
  spa: 'es',
  srp: 'sr',
  sun: 'su',
  swe: 'sv',
  swh: 'sw',
  tam: 'ta',
  tel: 'te',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  uzn: 'uz',
  vie: 'vi',
  yor: 'yo',
  zlm: 'ms',
  zul: 'zu',
  zyb: 'za',
};

// Scripts that name their language outright, for languages franc-min has no profile of.
const SCRIPT_LANGUAGES: [string, string][] = [
  ['Hebrew', 'he'],
  ['Armenian', 'hy'],
  ['Georgian', 'ka'],
  ['Khmer', 'km'],
  ['Lao', 'lo'],
];

/**
 * The language detector's version: bump it whenever detectLanguage can give another answer
 * for some text, so that the next reindex detects every article's language again
 * (library/date-finder-mark.ts). 2: twelve more languages (closest-language.ts).
 */
export const LANGUAGE_DETECTOR_VERSION = 2;

/** Language of the text: ISO 639-1 where one exists, else ISO 639-3, or "und" when unsure. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const counts = countScripts(sample);
  if (counts.letters < MIN_LETTERS) return 'und';
  // Before franc's scripts: a Hebrew text quoting "CNN" is Hebrew, not the closest Latin profile.
  for (const [script, lang] of SCRIPT_LANGUAGES) {
    if (countOf(counts, script) > counts.letters / 2) return lang;
  }
  const script = francScriptOf(counts);
  if (script === null) return 'und';
  // franc-min names a script that has one language by that language's code.
  const code = closestLanguage(sample, script) ?? script;
  return ISO1[code] ?? code;
}
