// Rules that read a run of capitalised words as a person, an organisation or a place, with
// what compromise's lexicon knows of its words (name-lexicon.ts) and the gazetteer. They
// prefer missing a name to inventing one: a lone capitalised word nothing vouches for is left
// out (most are sentence openers, products or titles of works).
import type { EntityType } from '../../contract/entities';
import { gazetteerPlace } from './gazetteer';
import { wordKind } from './name-lexicon';
import type { NameRun } from './name-runs';

/** A name as one mention reads it, before the names of the whole article are compared. */
export interface Mention {
  type: EntityType;
  words: string[];
  /** Named by a title of address alone ("Mr Blair"): a surname to match a full name. */
  addressed?: boolean;
  /** A lone first name or a lone unknown word: kept only if it names someone else in the text. */
  partial?: boolean;
  /** An acronym the text gives for this organisation. */
  acronym?: string;
}

// Titles of address: dropped from the name ("Mr Blair" is Blair).
const ADDRESS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'mx']);
// Ranks that are part of how a person is named ("Prince Harry", "Lord Janner").
const NOBLE = new Set([
  'prince',
  'princess',
  'king',
  'queen',
  'lord',
  'lady',
  'sir',
  'dame',
  'sheikh',
  'pope',
]);
// Offices and jobs written before a name ("Home Secretary Charles Clarke"): the name follows.
const OFFICES = new Set(
  (
    'president vice secretary minister premier chancellor senator governor mayor judge justice ' +
    'general gen. colonel col. captain capt. lieutenant sergeant major admiral commander ' +
    'chairman chairwoman chair chief executive director manager coach spokesman ' +
    'spokeswoman spokesperson ambassador envoy commissioner inspector detective officer ' +
    'professor prof. rev reverend father bishop archbishop cardinal rabbi imam ayatollah ' +
    'mp mep mps attorney deputy shadow first prime foreign home interior defence defense ' +
    'finance health education trade industry culture environment transport sports ' +
    'leader boss striker midfielder defender goalkeeper winger forward skipper ' +
    'actor actress singer star producer author writer founder president-elect'
  ).split(' '),
);
// Last words of organisations' names.
const ORG_ENDINGS = new Set(
  (
    'party council group bank corporation corp corp. inc inc. ltd ltd. plc llc co co. company ' +
    'companies association union parliament executive commission committee ministry ' +
    'department agency court university college institute foundation airlines airways ' +
    'motors tobacco security organisation organization federation league club office service ' +
    'services authority board fund society trust times post news network television radio ' +
    'press police army navy force forces assembly congress senate cabinet government ' +
    'administration tribunal school hospital industries holdings partners capital systems ' +
    'technologies telecom communications media studios records museum brigade front movement ' +
    'alliance coalition church mosque centre center institution exchange reserve unit commerce ' +
    'house'
  ).split(' '),
);
// First words of organisations' names ("Bank of England", "Court of Appeals for ...").
const ORG_OPENINGS = new Set(
  (
    'bank court ministry department university college council commission institute office ' +
    'board house federation league union church'
  ).split(' '),
);
// Last words of places' names.
const PLACE_ENDINGS = new Set(
  (
    'street road avenue square bridge park airport station island islands river mountains ' +
    'mountain lake bay sea ocean valley county province state gulf strait peninsula desert ' +
    'palace castle hills coast city town village district region'
  ).split(' '),
);
// Names the lexicon knows only as common words ("labour"), and parties' short names.
const KNOWN_ORGS = new Set([
  'labour',
  'tories',
  'conservatives',
  'democrats',
  'republicans',
  'liberal democrats',
  'lib dems',
  'lib dem',
]);
// Words before a place that are part of its name ("Northern Ireland", "West Bank").
const COMPASS = new Set(
  'north south east west northern southern eastern western central upper lower new greater'.split(
    ' ',
  ),
);
// Nouns that say what an unknown name beside them is ("airline Lufthansa", "cartel Opec").
const ORG_CUES = new Set(
  (
    'firm company group airline carrier bank cartel rival maker retailer giant insurer ' +
    'broadcaster newspaper paper magazine channel network agency party club team side ' +
    'operator supplier lender publisher studio label chain brewer conglomerate startup'
  ).split(' '),
);
const PLACE_CUES = new Set(['in', 'near', 'outside', 'between', 'via', 'across', 'around']);
// All-capital words that are not names.
const NOT_ACRONYMS = new Set(
  'I II III IV V VI TV CEO CFO AM PM OK GMT BST UTC AD BC PS PC CD DVD MP MPS MEP AIDS HIV SARS'.split(
    ' ',
  ),
);
// Capitalised words that open sentences and headings but name nothing.
const NOT_NAMES = new Set(
  'mr mrs ms dr the a an and but or if in on at of for to by with from as it its this that these those he she they we you i'.split(
    ' ',
  ),
);

// Endings of plurals that name members of a group (Muslims, Shiites, Islamists, Iranians).
const GROUP_PLURAL = /(?:ims|ites|ists|ians|eans|ans)$/u;

const placeWord = (w: string): boolean =>
  gazetteerPlace(w) !== null || wordKind(lower(w)) === 'place';

const isAcronym = (w: string): boolean => /^\p{Lu}[\p{Lu}&]{1,7}$/u.test(w) && !NOT_ACRONYMS.has(w);
const lower = (w: string): string => w.toLowerCase();

/** What one run names: none, one or more (a title, a date or "and" splits it) mentions. */
export function classifyRun(run: NameRun, knownSurnames: ReadonlySet<string>): Mention[] {
  const parts = splitRun(run);
  if (parts.length === 1) return classifyOne(parts[0]!, knownSurnames);
  return parts.flatMap((part) => classifyOne(part, knownSurnames));
}

// "Scottish Parliament on Wednesday", "Liggett Group and Brown and Williamson", "Zoe Brown and
// Paul McKee": a day or month never belongs to a name, and "and" joins two names unless the
// whole is one organisation ("Trade and Industry Secretary" is split later, at the office).
function splitRun(run: NameRun): NameRun[] {
  const low = run.words.map(lower);
  const joined = low.includes('and') && !orgLike(low) && wordKind(low.join(' ')) === undefined;
  // "Trade and Industry Secretary X": an "and" before the last office word is the office's;
  // one after it joins two names ("General Qassem Soleimani and Abu Mahdi al-Muhandis").
  let lastOffice = -1;
  low.forEach((w, i) => {
    if (OFFICES.has(w)) lastOffice = i;
  });
  // ... but only when a name follows the office ("Minister for Security and Law" is one office).
  const next = low[lastOffice + 1];
  const nameFollows = lastOffice < 0 || (next !== undefined && !CONNECTOR_WORDS.has(next));
  const cuts = low.map(
    (w, i) =>
      wordKind(w) === 'calendar' || (joined && nameFollows && i > lastOffice && w === 'and'),
  );
  if (!cuts.includes(true)) return [run];
  const out: NameRun[] = [];
  let part: string[] = [];
  const flush = (last: boolean) => {
    while (part.length > 0 && CONNECTOR_WORDS.has(lower(part[0]!))) part.shift();
    while (part.length > 0 && CONNECTOR_WORDS.has(lower(part[part.length - 1]!))) part.pop();
    if (part.length > 0) {
      out.push({
        ...run,
        words: part,
        sentenceStart: out.length === 0 && run.sentenceStart && low[0] === lower(part[0]!),
        // "between Bergen and Stavanger": every part of a list follows the word before it.
        before: run.before,
        after: last ? run.after : '',
        acronym: last ? run.acronym : null,
      });
    }
    part = [];
  };
  run.words.forEach((w, i) => {
    if (cuts[i]) flush(false);
    else part.push(w);
  });
  flush(true);
  return out;
}

const CONNECTOR_WORDS = new Set(['of', 'and', 'for', 'the', 'on', '&']);

function classifyOne(run: NameRun, knownSurnames: ReadonlySet<string>): Mention[] {
  let words = run.words;
  const whole = lower(words.join(' '));
  if (KNOWN_ORGS.has(whole)) return [{ type: 'organisation', words }];
  if (run.sentenceStart) words = sentenceOpenerDropped(words);
  // "The Lib Dems": known once the opening word is gone.
  if (words.length > 0 && KNOWN_ORGS.has(lower(words.join(' ')))) {
    return [{ type: 'organisation', words }];
  }
  while (words.length > 0 && NOT_NAMES.has(lower(words[words.length - 1]!))) {
    words = words.slice(0, -1);
  }
  if (words.length === 0) return [];
  const low = words.map(lower);
  if (ADDRESS.has(low[0]!)) {
    const rest = words.slice(1);
    return rest.length > 0 ? [{ type: 'person', words: rest, addressed: true }] : [];
  }
  // "Home Secretary Charles Clarke": the name after the last office word.
  let lastOffice = -1;
  low.forEach((w, i) => {
    if (OFFICES.has(w) && i < low.length - 1) lastOffice = i;
  });
  if (lastOffice >= 0 && !orgLike(low)) {
    const name = words.slice(lastOffice + 1);
    // "Shadow Secretary of State": an office with no name after it.
    if (!isWhole(name)) return [];
    const before = words.slice(0, lastOffice);
    const out: Mention[] = [];
    const ahead =
      before.length > 0
        ? (knownOrg(before) ?? classifyWords(before, run, knownSurnames, true))
        : null;
    if (ahead && ahead.type !== 'person') out.push(ahead);
    out.push({ type: 'person', words: name });
    return out;
  }
  const one = classifyWords(words, run, knownSurnames, false);
  if (!one) return [];
  if (run.acronym && one.type === 'organisation' && words.length > 1) one.acronym = run.acronym;
  return [one];
}

const knownOrg = (words: string[]): Mention | null =>
  KNOWN_ORGS.has(lower(words.join(' '))) ? { type: 'organisation', words } : null;

// The name after an office holds no joining word at its start ("of State for the Family").
const isWhole = (words: string[]): boolean =>
  words.length > 0 && /^\p{Lu}/u.test(words[0]!) && !NOT_NAMES.has(lower(words[0]!));

function orgLike(low: string[]): boolean {
  if (ORG_ENDINGS.has(low[low.length - 1]!)) return true;
  if (low.length > 1 && ORG_OPENINGS.has(low[0]!)) return true;
  // "National Union of Rail Workers": an organisation's head word before "of".
  return low.length > 2 && low.includes('of') && low.some((w) => ORG_OPENINGS.has(w));
}

/**
 * A capital that only opens a sentence: "The", "Shares of" and other leading words the lexicon
 * knows as common are dropped, unless what they open is an organisation's name ("National
 * Union of Rail Workers", "General Motors").
 */
function sentenceOpenerDropped(words: string[]): string[] {
  let k = 0;
  while (k < words.length && NOT_NAMES.has(lower(words[k]!))) k++;
  // "Shares of Consolidated Mining ...", "Members of Parliament": a noun and "of" before a name.
  if (k + 2 < words.length && isOpener(words[k]!) && /^(of|at|for)$/iu.test(words[k + 1]!)) {
    k += 2;
  }
  const rest = words.slice(k);
  if (rest.length > 1 && orgLike(rest.map(lower))) return rest;
  while (k < words.length && isOpener(words[k]!)) k++;
  return words.slice(k);
}

function isOpener(word: string): boolean {
  const w = lower(word);
  if (NOT_NAMES.has(w)) return true;
  const kind = wordKind(w);
  return kind === 'common' && !NOBLE.has(w) && !OFFICES.has(w);
}

function classifyWords(
  words: string[],
  run: NameRun,
  knownSurnames: ReadonlySet<string>,
  inTitle: boolean,
): Mention | null {
  const low = words.map(lower);
  const phrase = low.join(' ');
  const n = words.length;
  const gazetteer = gazetteerPlace(words.join(' '));
  if (gazetteer) return { type: 'place', words: gazetteer.split(' ') };
  const known = wordKind(phrase);
  if (known === 'place') return { type: 'place', words };
  if (known === 'organisation') return { type: 'organisation', words };
  if (known === 'person') return { type: 'person', words };
  if (NOBLE.has(low[0]!) && n > 1) return { type: 'person', words };
  if (orgLike(low) && n > 1) return { type: 'organisation', words };
  if (words.includes('&') && n > 2) return { type: 'organisation', words };
  if (words.every(isAcronym)) {
    return n === 1 ? { type: 'organisation', words } : null;
  }
  if (PLACE_ENDINGS.has(low[n - 1]!) && n > 1) return { type: 'place', words };
  if (n === 2 && COMPASS.has(low[0]!) && placeWord(words[1]!)) return { type: 'place', words };
  if (inTitle) return null;
  const kinds = low.map((w) => wordKind(w));
  if (n === 1) {
    const kind = kinds[0];
    if (knownSurnames.has(low[0]!)) return { type: 'person', words, partial: true };
    if (kind === 'first') return { type: 'person', words, partial: true };
    if (kind === 'last') return { type: 'person', words, partial: true };
    if (kind !== undefined || run.sentenceStart) return null;
    if (ORG_CUES.has(run.before) || ORG_CUES.has(run.after)) {
      return { type: 'organisation', words };
    }
    if (PLACE_CUES.has(run.before)) return { type: 'place', words };
    // A lone unknown word: a surname of someone named in full elsewhere, or nothing.
    return { type: 'person', words, partial: true };
  }
  if (words.some((w, i) => i > 0 && i < n - 1 && /^\p{Ll}/u.test(w))) return null;
  // Before an office ("Lib Dem leader", "Sideways producer"): a party, a firm, a title, not a person.
  if (OFFICES.has(run.after)) return null;
  if (n <= 4 && kinds[0] === 'first') return { type: 'person', words };
  if (n <= 3 && kinds[n - 1] === 'last' && kinds[0] !== 'common') return { type: 'person', words };
  // Two or three words none of which the lexicon knows ("Meseret Defar"): most such runs
  // in news are people; a common word among them ("Internet Explorer") says otherwise, and so
  // does a last word shaped like a plural of members ("Shiite Muslims", "Tamil Islamists").
  if (
    n <= 3 &&
    kinds.every((k) => k === undefined || k === 'first' || k === 'last') &&
    (kinds[n - 1] === 'last' || !GROUP_PLURAL.test(low[n - 1]!))
  ) {
    return { type: 'person', words };
  }
  return null;
}
