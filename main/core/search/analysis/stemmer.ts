// Stemmers per language (lunr's English one, lunr-languages for the rest), memoised because
// the same few thousand words make up most of any text.
import lunr from 'lunr';
import { lazyPackage } from '../../lazy-package';
import { stemArabic } from './arabic-stemmer';

type StemFn = (word: string) => string;
type LunrWithLanguages = typeof lunr & Record<string, { stemmer?: (w: unknown) => unknown }>;

type Plugin = (l: Record<string, unknown>) => void;
const lunrObject = lunr as unknown as Record<string, unknown>;
// Each language's stemmer is loaded when a word of that language is first stemmed: loading all
// sixteen took a fresh command-line process 13 ms, and most libraries use one or two of them.
const plugin = (lang: string): (() => Plugin) => lazyPackage(`lunr-languages/lunr.${lang}.js`);
const stemmerSupport = plugin('stemmer.support');
// Arabic is stemmed by arabic-stemmer.ts (lunr-languages' stemmer, made cheaper).
const PLUGINS: Record<string, () => Plugin> = {
  da: plugin('da'),
  de: plugin('de'),
  el: plugin('el'),
  es: plugin('es'),
  fi: plugin('fi'),
  fr: plugin('fr'),
  hu: plugin('hu'),
  it: plugin('it'),
  nl: plugin('nl'),
  no: plugin('no'),
  // Norwegian Bokmål, as language detection names it.
  nb: plugin('no'),
  pt: plugin('pt'),
  ro: plugin('ro'),
  ru: plugin('ru'),
  sv: plugin('sv'),
  tr: plugin('tr'),
};

// A language whose lunr-languages plugin goes by another code.
const PLUGIN_NAMES: Record<string, string> = { nb: 'no' };

const MEMO_LIMIT = 200_000;
const stemmers = new Map<string, StemFn | null>();
const memos = new Map<string, Map<string, string>>();
let supportLoaded = false;

function load(lang: string): StemFn | null {
  if (lang === 'en') {
    const en = lunr.stemmer as unknown as (t: lunr.Token) => lunr.Token;
    return (w) => en(new lunr.Token(w, {})).toString();
  }
  if (lang === 'ar') return stemArabic;
  const loadPlugin = PLUGINS[lang];
  if (!loadPlugin) return null;
  const l = lunr as LunrWithLanguages;
  if (!supportLoaded) {
    stemmerSupport()(lunrObject);
    supportLoaded = true;
  }
  const name = PLUGIN_NAMES[lang] ?? lang;
  if (!l[name]) loadPlugin()(lunrObject);
  const fn = l[name]?.stemmer;
  // lunr-languages stemmers take a plain string (their lunr 1 path) and return one.
  return fn ? (w) => String(fn(w)) : null;
}

function stemmerFor(lang: string): StemFn | null {
  let fn = stemmers.get(lang);
  if (fn === undefined) {
    fn = load(lang);
    stemmers.set(lang, fn);
  }
  return fn;
}

/** Languages (ISO 639-1) that have a stemmer. */
export const STEMMED_LANGUAGES: readonly string[] = ['en', 'ar', ...Object.keys(PLUGINS)];

/** True when `lang` has a stemmer. */
export const hasStemmer = (lang: string): boolean => STEMMED_LANGUAGES.includes(lang);

/** The stem of a normalised word under `lang`; the word itself for languages without one. */
export function stem(word: string, lang: string): string {
  const fn = stemmerFor(lang);
  if (!fn) return word;
  let memo = memos.get(lang);
  if (!memo) {
    memo = new Map();
    memos.set(lang, memo);
  }
  let s = memo.get(word);
  if (s === undefined) {
    s = fn(word) || word;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, s);
  }
  return s;
}
