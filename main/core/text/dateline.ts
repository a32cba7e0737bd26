// Recognises a news dateline ("TEHRAN –", "LONDON (Reuters) -") at the start of a body.

export interface Dateline {
  /** The dateline as written, dash included ("WASHINGTON, March 3 (AP) —"). */
  raw: string;
  /** The place it names ("WASHINGTON"). */
  place: string;
  /** The remaining text after the dateline and the spaces following it. */
  rest: string;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_PART = `(?:,?\\s+(?:${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}))`;
const AGENCY_PART = "(?:\\s*\\((?:\\p{Lu}[\\p{L}&.' -]{0,30}|\\p{L}{2,12})\\))";
const DASH = '\\s*[-\u2013\u2014]\\s+';

// ALL-CAPS words ("NEW YORK", "ST. LOUIS") or Capitalised ones ("Rio de Janeiro").
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}.'\u2019-]+(?:\\s+\\p{Lu}[\\p{Lu}.'\u2019-]*){0,3}";
const TITLE_PLACE =
  "\\p{Lu}\\p{Ll}+(?:[-'\u2019]\\p{Lu}?\\p{Ll}+)?(?:\\s+(?:(?:de|da|del|di|du|al|el|la|le|upon|on)\\s+)?\\p{Lu}\\p{Ll}+){0,2}";
// One to three words with no Latin letters (Arabic, Cyrillic, Greek, Hebrew, ...).
const NON_LATIN_WORD = '(?:(?!\\p{Script=Latin})[\\p{L}\\p{M}]){2,}';
const OTHER_PLACE = `${NON_LATIN_WORD}(?:\\s+${NON_LATIN_WORD}){0,2}`;

const CAPS_RE = new RegExp(`^(${CAPS_PLACE})(${DATE_PART}?${AGENCY_PART}?)${DASH}`, 'u');
const TITLE_RE = new RegExp(`^(${TITLE_PLACE})(${DATE_PART}?${AGENCY_PART}?)${DASH}`, 'u');
const OTHER_RE = new RegExp(`^(${OTHER_PLACE})(${DATE_PART}?${AGENCY_PART}?)${DASH}`, 'u');

// Capitalised words that open ordinary sentences; "However – he said" is not a dateline.
const SENTENCE_OPENERS = new Set(
  (
    'a an and as at but by for from he her here his however i if in it its meanwhile my no ' +
    'now of on once one our she so still that the their then there these they this those ' +
    'today tomorrow we what when where while who why yes yesterday you your also later ' +
    'earlier first finally well oh ok okay sorry thanks please'
  ).split(' '),
);

const MAX_DATELINE = 80;

// Capitalised words before a dash are as often a person ("Roger Federer - nice bloke") or a
// sentence opener as a place, so a Title-case dateline needs more evidence: a date or agency
// after the place ("Baghdad, May 3 -", "London (Reuters) -"), or a single word followed by the
// typographic dash that datelines use ("Tehran –").
function plausibleTitleCasePlace(place: string, dateOrAgency: string, matched: string): boolean {
  const words = place.split(/\s+/);
  if (SENTENCE_OPENERS.has(words[0]!.toLowerCase())) return false;
  if (dateOrAgency.trim() !== '') return true;
  return words.length === 1 && /[\u2013\u2014]\s*$/.test(matched);
}

/** Finds a dateline at the very start of `text`, or returns null; never eats a sentence. */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, MAX_DATELINE + 10);
  for (const re of [CAPS_RE, TITLE_RE, OTHER_RE]) {
    const m = re.exec(head);
    if (!m) continue;
    const place = (m[1] ?? '').trim();
    if (re === TITLE_RE && !plausibleTitleCasePlace(place, m[2] ?? '', m[0])) continue;
    // Two-letter caps runs are usually acronyms opening a sentence ("US - based").
    if (re === CAPS_RE && place.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const raw = m[0].trimEnd();
    if (raw.length > MAX_DATELINE) continue;
    const rest = text.slice(m[0].length);
    if (rest.trim() === '') continue;
    return { raw, place: place.replace(/[,.]+$/, ''), rest };
  }
  return null;
}
