// One name per entity within an article: "Mr Blair", "Blair's" and "Tony Blair" are one
// person when the article names one Blair in full; "Altria" is "Altria Group" and "AIG" is
// "American International Group (AIG)" when the article says so. A short form that could be
// two people ("Brown" beside "Gordon Brown" and "Zoe Brown") is left out rather than guessed.
import type { EntityType } from '../../contract/entities';
import type { Mention } from './classify-run';

/** One entity of an article: its name and how many mentions named it. */
export interface NamedEntity {
  type: EntityType;
  name: string;
  mentions: number;
}

const key = (words: readonly string[]): string => words.join(' ').toLowerCase();

// Ranks written before a full name only sometimes.
const RANKS = new Set(['sir', 'dame', 'lord', 'lady']);

// "NEW YORK" from a dateline is written New York.
function display(words: readonly string[]): string {
  const text = words.join(' ');
  if (words.length > 1 && text === text.toUpperCase() && /\p{Lu}{3}/u.test(text)) {
    return words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
  }
  return text;
}

const within = (short: readonly string[], long: readonly string[], at: 'end' | 'start' | 'any') => {
  if (short.length >= long.length) return false;
  const s = short.map((w) => w.toLowerCase());
  const l = long.map((w) => w.toLowerCase());
  const fits = (i: number) => s.every((w, k) => l[i + k] === w);
  if (at === 'end') return fits(l.length - s.length);
  if (at === 'start') return fits(0);
  for (let i = 0; i + s.length <= l.length; i++) if (fits(i)) return true;
  return false;
};

const initials = (words: readonly string[]): string =>
  words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');

/** The article's entities, each under one name, most mentioned first (then first named). */
export function normaliseNames(mentions: readonly Mention[]): NamedEntity[] {
  const order = new Map<string, { type: EntityType; words: string[]; mentions: number }>();
  const add = (type: EntityType, words: string[]) => {
    const k = `${type}\t${key(words)}`;
    const entry = order.get(k);
    if (entry) entry.mentions++;
    else order.set(k, { type, words, mentions: 1 });
  };
  const fullPeople = dedupe(
    mentions.filter((m) => m.type === 'person' && !m.addressed && !m.partial && m.words.length > 1),
  );
  const orgs = dedupe(mentions.filter((m) => m.type === 'organisation' && m.words.length > 1));
  const acronyms = new Map<string, string[]>();
  for (const m of mentions) if (m.acronym) acronyms.set(m.acronym, m.words);
  const places = new Set(mentions.filter((m) => m.type !== 'person').map((m) => key(m.words)));
  for (const m of mentions) {
    if (m.type === 'person') {
      if (m.words.length > 1 && !m.addressed && !m.partial) {
        // "Sir Elton John" is the Elton John the article names elsewhere.
        const plain = m.words.slice(1);
        const knighted = RANKS.has(m.words[0]!.toLowerCase()) && plain.length > 1;
        const same = knighted && fullPeople.some((f) => key(f) === key(plain));
        add('person', same ? plain : m.words);
        continue;
      }
      const full = pick(fullPeople, m.words);
      if (full) add('person', full);
      // "Marsh" after "Marsh & McLennan": a short form of an organisation.
      else if (full === null && m.partial && pick(orgs, m.words)) {
        add('organisation', pick(orgs, m.words)!);
      }
      // "Mr Bewlay" with no full name in the article is still a person; a lone word is not.
      else if (full === null && m.addressed && !places.has(key(m.words))) add('person', m.words);
    } else if (m.type === 'organisation') {
      if (m.words.length === 1) {
        const named = acronyms.get(m.words[0]!) ?? byInitials(orgs, m.words[0]!);
        const full = named ?? pick(orgs, m.words);
        add('organisation', full ?? m.words);
      } else add('organisation', m.words);
    } else add('place', m.words);
  }
  return [...order.values()]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.mentions - a.e.mentions || a.i - b.i)
    .map(({ e }) => ({ type: e.type, name: display(e.words), mentions: e.mentions }));
}

function dedupe(list: readonly Mention[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const m of list) if (!seen.has(key(m.words))) seen.set(key(m.words), m.words);
  return [...seen.values()];
}

/**
 * The one full name a short form stands for: a surname ("Blair"), else a first name or a
 * rank's name ("Sonia", "Harry"). Null when none fits; undefined when several do.
 */
function pick(full: readonly string[][], short: readonly string[]): string[] | null | undefined {
  for (const at of ['end', 'start', 'any'] as const) {
    const fits = full.filter((f) => within(short, f, at));
    if (fits.length === 1) return fits[0]!;
    if (fits.length > 1) {
      // "Blair" with "Tony Blair" and "Tony Blair Jr" in one text is still one family name.
      return undefined;
    }
  }
  return null;
}

function byInitials(orgs: readonly string[][], acronym: string): string[] | null {
  if (!/^\p{Lu}{2,}$/u.test(acronym)) return null;
  const fits = orgs.filter((o) => initials(o) === acronym);
  return fits.length === 1 ? fits[0]! : null;
}
