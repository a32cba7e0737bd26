// Stemmers per language (lunr's English one, lunr-languages for the rest), memoised because
// the same few thousand words make up most of any text.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import ar from 'lunr-languages/lunr.ar.js';
import da from 'lunr-languages/lunr.da.js';
import de from 'lunr-languages/lunr.de.js';
import el from 'lunr-languages/lunr.el.js';
import es from 'lunr-languages/lunr.es.js';
import fi from 'lunr-languages/lunr.fi.js';
import fr from 'lunr-languages/lunr.fr.js';
import hu from 'lunr-languages/lunr.hu.js';
import it from 'lunr-languages/lunr.it.js';
import nl from 'lunr-languages/lunr.nl.js';
import no from 'lunr-languages/lunr.no.js';
import pt from 'lunr-languages/lunr.pt.js';
import ro from 'lunr-languages/lunr.ro.js';
import ru from 'lunr-languages/lunr.ru.js';
import sv from 'lunr-languages/lunr.sv.js';
import tr from 'lunr-languages/lunr.tr.js';

type StemFn = (word: string) => string;
type LunrWithLanguages = typeof lunr & Record<string, { stemmer?: (w: unknown) => unknown }>;

type Plugin = (l: Record<string, unknown>) => void;
const lunrObject = lunr as unknown as Record<string, unknown>;
const PLUGINS: Record<string, Plugin> = {
  ar,
  da,
  de,
  el,
  es,
  fi,
  fr,
  hu,
  it,
  nl,
  no,
  pt,
  ro,
  ru,
  sv,
  tr,
};

const MEMO_LIMIT = 200_000;
const stemmers = new Map<string, StemFn | null>();
const memos = new Map<string, Map<string, string>>();
let supportLoaded = false;

function load(lang: string): StemFn | null {
  if (lang === 'en') {
    const en = lunr.stemmer as unknown as (t: lunr.Token) => lunr.Token;
    return (w) => en(new lunr.Token(w, {})).toString();
  }
  const plugin = PLUGINS[lang];
  if (!plugin) return null;
  const l = lunr as LunrWithLanguages;
  if (!supportLoaded) {
    (stemmerSupport as Plugin)(lunrObject);
    supportLoaded = true;
  }
  if (!l[lang]) plugin(lunrObject);
  const fn = l[lang]?.stemmer;
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
export const STEMMED_LANGUAGES: readonly string[] = ['en', ...Object.keys(PLUGINS)];

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
