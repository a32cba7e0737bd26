// Parser for the search box. Every word must appear unless joined to others by OR; a
// parenthesised group holds alternatives, "(film OR cinema) music"; -word and NOT word leave
// articles out; AND is accepted and changes nothing. Lunr's own syntax still works
// (+must field:term prefix* fuzzy~1 term^2), plus "exact phrases" and tag:name. Every
// malformed query becomes a QueryError whose message says what is wrong in one line.
// See main/contract/search-syntax.ts for what people are told.
import { LIMITS } from '../../../contract/limits';
import { parseDateBounds } from '../../../contract/date-range';
import { QueryError } from '../../errors';
import { FIELDS, HAS_FIELDS, type FieldName, type HasWhat } from '../analysis/analyzer';
import { isIdeograph, tokenize } from '../analysis/tokenizer';

export type Presence = 'optional' | 'required' | 'prohibited';

interface ClauseBase {
  presence: Presence;
  boost: number;
  /** The clause as typed, for messages. */
  source: string;
  /**
   * Clauses sharing this number are alternatives (joined by OR): a document needs one of
   * them. Absent: the clause stands alone.
   */
  anyOf?: number;
}

/** One word, maybe a prefix or fuzzy, in some fields (null: every field). */
export interface TermClause extends ClauseBase {
  kind: 'term';
  word: string;
  fields: FieldName[] | null;
  prefix: boolean;
  /** Edit distance, 0..MAX_EDIT_DISTANCE, lowered for short words (see autoDistance). */
  fuzzy: number;
}

/** Words that must appear next to each other, in order (one word, when quoted alone). */
export interface PhraseClause extends ClauseBase {
  kind: 'phrase';
  words: string[];
  fields: FieldName[] | null;
  /** Quoted: each word as written (folded, not stemmed), not any form of its stem. */
  exact: boolean;
}

/** An exact tag name (case-insensitive). */
export interface TagClause extends ClauseBase {
  kind: 'tag';
  tag: string;
}

/** Articles with notes, or with highlights (has:notes, has:highlights). */
export interface HasClause extends ClauseBase {
  kind: 'has';
  what: HasWhat;
}

/** Articles of a collection (case-insensitive), judged by the catalogue, not the index. */
export interface CollectionClause extends ClauseBase {
  kind: 'collection';
  name: string;
}

/**
 * Articles naming a person or an organisation whose name holds these words (person:blair,
 * org:"bank of england"), answered from the library's entities, not the index.
 */
export interface NameClause extends ClauseBase {
  kind: 'name';
  entity: 'person' | 'organisation';
  /** Search-normalised words, in order. */
  words: string[];
  /** The last word may be the start of a word (person:blai*). */
  prefix: boolean;
}

export type Clause =
  TermClause | PhraseClause | TagClause | HasClause | CollectionClause | NameClause | DateClause;

/** Articles whose own date lies in a range (date:2004, date:>2010), judged by the catalogue. */
export interface DateClause extends ClauseBase {
  kind: 'date';
  /** First and last day, inclusive (ISO); null ends are open. */
  from: string | null;
  to: string | null;
}

/** The pseudo-fields: tag:name, has:notes|highlights and collection:name. */
type Pseudo = 'tag' | 'has' | 'collection' | 'person' | 'org' | 'date';
const PSEUDO: readonly string[] = ['tag', 'has', 'collection', 'person', 'org', 'date'];

/** Longest query, the contract's one limit (the API refuses longer ones before they get here). */
export const MAX_QUERY_LENGTH = LIMITS.queryLength;
export const MAX_CLAUSES = 32;
export const MAX_EDIT_DISTANCE = 2;
export const MIN_PREFIX_LENGTH = 2;

/**
 * The most edits a fuzzy word of this length may use (Lucene's AUTO): none up to 2
 * characters, 1 up to 5, 2 beyond. "ab~2" would match every two-letter word and "cat~2"
 * most three-letter ones, at the cost of walking much of the term list.
 */
export function autoDistance(word: string): number {
  const length = [...word].length;
  return length <= 2 ? 0 : length <= 5 ? 1 : MAX_EDIT_DISTANCE;
}
const FIELD_LIST = [...FIELDS, ...PSEUDO].join(', ');
const HAS_LIST = Object.keys(HAS_FIELDS).join(' or ');

// Stands for an unescaped * while reading, so that an escaped \* stays a plain character.
const STAR = '\u0000';
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

class Scanner {
  pos = 0;
  /** Inside parentheses, where ")" ends a word. */
  inGroup = false;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.pos];
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  skipSpace(): void {
    while (isSpace(this.peek())) this.pos++;
  }
  /** Reads a bare word up to whitespace, a quote, a modifier or (when asked) a colon. */
  readWord(stopAtColon: boolean): { word: string; stop: string | undefined } {
    let word = '';
    while (!this.atEnd()) {
      const c = this.text[this.pos]!;
      if (c === '\\' && this.pos + 1 < this.text.length) {
        word += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (
        isSpace(c) ||
        c === '"' ||
        c === '^' ||
        c === '~' ||
        (stopAtColon && c === ':') ||
        (this.inGroup && c === ')')
      ) {
        return { word, stop: c };
      }
      // An unescaped * is only meaningful at the end; keep it to report misuse.
      word += c === '*' ? STAR : c;
      this.pos++;
    }
    return { word, stop: undefined };
  }
  /** True when ")" or the end, or a space, follows: where a clause may end. */
  atClauseEnd(): boolean {
    return this.atEnd() || isSpace(this.peek()) || (this.inGroup && this.peek() === ')');
  }
  /** Consumes the operator word `op` (OR, AND, NOT) when it stands alone here. */
  takeOperator(op: string): boolean {
    if (!this.text.startsWith(op, this.pos)) return false;
    const after = this.text[this.pos + op.length];
    if (after !== undefined && !isSpace(after) && after !== '(' && after !== ')' && after !== '"')
      return false;
    this.pos += op.length;
    return true;
  }
  readNumber(pattern: RegExp): string | null {
    const m = pattern.exec(this.text.slice(this.pos));
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }
}

/** Parses a query; throws QueryError with a one-line reason when it cannot be run. */
export function parseQuery(query: string): Clause[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      `The query is too long (${query.length} characters; the limit is ${MAX_QUERY_LENGTH}).`,
    );
  }
  const passage = bagOfWords(query);
  if (passage) return passage;
  const s = new Scanner(query);
  const counter = { clauses: 0 };
  const conjuncts = parseSequence(s, counter);
  const clauses: Clause[] = [];
  let group = 0;
  for (const alternatives of conjuncts) {
    if (alternatives.length === 1) clauses.push(alternatives[0]!);
    else {
      group++;
      for (const c of alternatives) clauses.push({ ...c, anyOf: group });
    }
  }
  return clauses;
}

/** Most distinct words a pasted passage is searched by. */
export const MAX_BAG_WORDS = 64;

/**
 * A pasted passage, more than MAX_CLAUSES words with no operator, field, quote or group: its
 * distinct words (the first MAX_BAG_WORDS), each optional, so the articles sharing most of
 * them rank first. Null for any other query. Requiring every word of a passage would find
 * only its source, and only when typed exactly; quotes ask for that.
 */
function bagOfWords(query: string): Clause[] | null {
  const raw = query.split(/\s+/u).filter((w) => w !== '');
  if (raw.length <= MAX_CLAUSES) return null;
  if (/["()^~*:\\]/u.test(query)) return null;
  if (raw.some((w) => w === 'OR' || w === 'AND' || w === 'NOT' || /^[+-]/u.test(w))) return null;
  const words = [...new Set(tokenize(query).map((t) => t.term))].slice(0, MAX_BAG_WORDS);
  return words.map((word): Clause => ({
    kind: 'term',
    word,
    fields: null,
    prefix: false,
    fuzzy: 0,
    presence: 'optional',
    boost: 1,
    source: word,
  }));
}

/** True when `clauses` are a pasted passage searched as a bag of words (see bagOfWords). */
export const isBagOfWords = (clauses: readonly Clause[]): boolean =>
  clauses.length > 0 && clauses.every((c) => c.presence === 'optional');

/**
 * The clauses of a query or of one parenthesised group, as a list of conjuncts: each is a
 * list of alternatives (one clause, or several joined by OR), and every conjunct must hold.
 */
function parseSequence(s: Scanner, counter: { clauses: number }): Clause[][] {
  const conjuncts: Clause[][] = [];
  let joinNext = false;
  let negate = false;
  let lastNegated = false;
  // The last unit was a group of several required words, "(a b)", which OR cannot join.
  let lastWasAll = false;
  for (s.skipSpace(); !s.atEnd() && !(s.inGroup && s.peek() === ')'); s.skipSpace()) {
    if (s.takeOperator('AND')) continue;
    if (s.takeOperator('OR')) {
      if (conjuncts.length === 0 || joinNext || negate) {
        throw new QueryError('OR must stand between two words, as in film OR cinema.');
      }
      if (lastNegated) {
        throw new QueryError('A left-out word cannot be one of the alternatives of OR.');
      }
      if (lastWasAll) {
        throw new QueryError(
          'OR joins words or groups of alternatives, as in (film OR cinema) music.',
        );
      }
      joinNext = true;
      continue;
    }
    if (s.takeOperator('NOT')) {
      if (negate) throw new QueryError('NOT must be followed by a word, as in NOT iraq.');
      negate = true;
      continue;
    }
    const unit = parseUnit(s, counter);
    if (unit === null) continue;
    const prohibited = negate || unit.every((c) => c.presence === 'prohibited');
    if (negate) {
      // NOT (a OR b) leaves out both; NOT (a b) would need "not all of", which there is no
      // way to run, so a group under NOT must hold alternatives.
      if (unit.length > 1 && unit.some((c) => c.presence !== 'optional')) {
        throw new QueryError('NOT applies to one word or to alternatives, as in NOT (a OR b).');
      }
      for (const c of unit) conjuncts.push([{ ...c, presence: 'prohibited' }]);
    } else if (joinNext) {
      if (prohibited)
        throw new QueryError('A left-out word cannot be one of the alternatives of OR.');
      if (unit.length > 1 && unit.some((c) => c.presence !== 'optional')) {
        throw new QueryError(
          'OR joins words or groups of alternatives, as in (film OR cinema) music.',
        );
      }
      conjuncts[conjuncts.length - 1]!.push(...unit.map(required));
    } else if (unit.length > 1 && unit.every((c) => c.presence === 'optional')) {
      conjuncts.push(unit.map(required));
    } else {
      for (const c of unit) conjuncts.push([required(c)]);
    }
    lastNegated = prohibited;
    lastWasAll = unit.length > 1 && unit.some((c) => c.presence !== 'optional');
    joinNext = false;
    negate = false;
  }
  if (joinNext) throw new QueryError('OR must stand between two words, as in film OR cinema.');
  if (negate) throw new QueryError('NOT must be followed by a word, as in NOT iraq.');
  return conjuncts;
}

// Within parseSequence, "optional" marks the members of a parenthesised group of
// alternatives; every clause that is not left out ends up required.
const required = (c: Clause): Clause =>
  c.presence === 'prohibited' ? c : { ...c, presence: 'required' };

/**
 * One clause, or a parenthesised group: its alternatives marked "optional" when it is one
 * list of them, else its clauses (each to be required or left out). Null: no word there.
 */
function parseUnit(s: Scanner, counter: { clauses: number }): Clause[] | null {
  const begin = s.pos;
  const sign = s.peek() === '+' || s.peek() === '-' ? s.peek() : undefined;
  if (s.text[s.pos + (sign ? 1 : 0)] === '(') {
    if (s.inGroup) throw new QueryError('Parentheses cannot be nested.');
    s.pos += sign ? 2 : 1;
    s.inGroup = true;
    const inner = parseSequence(s, counter);
    s.inGroup = false;
    if (s.atEnd()) {
      throw new QueryError(`The parenthesis opened at character ${begin + 1} is never closed.`);
    }
    s.pos++;
    if (!s.atEnd() && !isSpace(s.peek())) {
      throw new QueryError(`Unexpected "${s.peek()}" after "${s.text.slice(begin, s.pos)}".`);
    }
    const unit =
      inner.length === 1 && inner[0]!.length > 1
        ? inner[0]!.map((c): Clause => ({ ...c, presence: 'optional' }))
        : inner.map((alternatives) => alternatives[0]!);
    if (inner.some((alternatives) => alternatives.length > 1) && inner.length > 1) {
      throw new QueryError(
        'Parentheses hold alternatives joined by OR, as in (film OR cinema) music.',
      );
    }
    if (unit.length === 0) return null;
    if (sign === '-') {
      if (unit.length > 1 && unit.some((c) => c.presence !== 'optional')) {
        throw new QueryError('"-" applies to one word or to alternatives, as in -(a OR b).');
      }
      return unit.map((c): Clause => ({ ...c, presence: 'prohibited' }));
    }
    return unit;
  }
  const clause = parseClause(s);
  if (++counter.clauses > MAX_CLAUSES) {
    throw new QueryError(`The query has too many parts (the limit is ${MAX_CLAUSES}).`);
  }
  return clause ? [clause] : null;
}

function parseClause(s: Scanner): Clause | null {
  const begin = s.pos;
  let presence: Presence = 'optional';
  const sign = s.peek();
  if (sign === '+' || sign === '-') {
    presence = sign === '+' ? 'required' : 'prohibited';
    s.pos++;
    if (s.atClauseEnd()) {
      throw new QueryError(`"${sign}" must be followed by a word, as in ${sign}word.`);
    }
  }
  let field: FieldName | Pseudo | null = null;
  let quoted: string | null = null;
  let word = '';
  if (s.peek() === '"') {
    quoted = readQuoted(s);
  } else {
    const first = s.readWord(true);
    if (first.stop === ':') {
      field = checkField(first.word.split(STAR).join('*'));
      s.pos++;
      if (s.peek() === '"') quoted = readQuoted(s);
      else {
        word = s.readWord(false).word;
        if (!word) throw new QueryError(`"${first.word}:" must be followed by a word.`);
      }
    } else {
      word = first.word;
    }
  }
  if (quoted === null && !word) {
    const c = s.peek();
    throw new QueryError(`"${c}" must follow a word, as in word${c === '~' ? '~1' : '^2'}.`);
  }
  const { boost, fuzzy } = readModifiers(s, quoted !== null);
  if (!s.atClauseEnd()) {
    throw new QueryError(`Unexpected "${s.peek()}" after "${s.text.slice(begin, s.pos)}".`);
  }
  const source = s.text.slice(begin, s.pos);
  return buildClause({ presence, field, quoted, word, boost, fuzzy, source });
}

function readQuoted(s: Scanner): string {
  const open = s.pos;
  s.pos++;
  let text = '';
  while (!s.atEnd() && s.peek() !== '"') {
    if (s.peek() === '\\' && s.pos + 1 < s.text.length) s.pos++;
    text += s.peek();
    s.pos++;
  }
  if (s.atEnd()) {
    throw new QueryError(`The quote opened at character ${open + 1} is never closed.`);
  }
  s.pos++;
  return text;
}

function checkField(name: string): FieldName | Pseudo {
  const lower = name.toLowerCase();
  if (!name) throw new QueryError(`":" must follow a field name, as in title:word.`);
  if (PSEUDO.includes(lower) || (FIELDS as readonly string[]).includes(lower)) {
    return lower as FieldName | Pseudo;
  }
  throw new QueryError(`Unknown field "${name}". Fields are ${FIELD_LIST}.`);
}

function readModifiers(s: Scanner, phrase: boolean): { boost: number; fuzzy: number } {
  let boost = 1;
  let fuzzy = -1;
  for (let c = s.peek(); c === '^' || c === '~'; c = s.peek()) {
    s.pos++;
    if (c === '^') {
      const n = s.readNumber(/^\d+(\.\d+)?|^\.\d+/);
      if (n === null) throw new QueryError(`"^" must be followed by a number, as in word^2.`);
      boost = Number(n);
    } else {
      if (phrase) throw new QueryError(`"~" applies to single words, not to phrases.`);
      const n = s.readNumber(/^\d+/);
      if (n === null) {
        throw new QueryError(`"~" must be followed by an edit distance, as in word~1.`);
      }
      // Lunr's fuzzy automaton explodes beyond a distance of 2.
      fuzzy = Math.min(Number(n), MAX_EDIT_DISTANCE);
    }
  }
  return { boost, fuzzy: Math.max(fuzzy, 0) };
}

interface RawClause {
  presence: Presence;
  field: FieldName | Pseudo | null;
  quoted: string | null;
  word: string;
  boost: number;
  fuzzy: number;
  source: string;
}

function buildClause(r: RawClause): Clause | null {
  const base = { presence: r.presence, boost: r.boost, source: r.source };
  const fields = r.field && !PSEUDO.includes(r.field) ? [r.field as FieldName] : null;
  if (r.field === 'has') {
    const what = (r.quoted ?? r.word).trim().toLowerCase();
    if (!Object.hasOwn(HAS_FIELDS, what) || r.fuzzy > 0) {
      throw new QueryError(`"has:" is followed by ${HAS_LIST}, as in has:notes.`);
    }
    return { kind: 'has', what: what as HasWhat, ...base };
  }
  if (r.field === 'collection') {
    const name = (r.quoted ?? r.word).trim();
    if (name.includes(STAR) || r.fuzzy > 0) {
      throw new QueryError(
        `collection: matches whole collection names; "*" and "~" cannot be used with it.`,
      );
    }
    if (!name) throw new QueryError(`"collection:" must be followed by a collection name.`);
    return { kind: 'collection', name, ...base };
  }
  if (r.field === 'person' || r.field === 'org') return nameClause(r, r.field, base);
  if (r.field === 'date') {
    const bounds = parseDateBounds((r.quoted ?? r.word).split(STAR).join('*'));
    if ('error' in bounds) throw new QueryError(`date: ${bounds.error}`);
    if (r.fuzzy > 0) throw new QueryError(`"~" cannot be used with date:.`);
    return { kind: 'date', ...bounds, ...base };
  }
  if (r.field === 'tag') {
    const tag = (r.quoted ?? r.word).trim();
    if (tag.includes(STAR) || r.fuzzy > 0) {
      throw new QueryError(`tag: matches whole tag names; "*" and "~" cannot be used with it.`);
    }
    if (!tag) throw new QueryError(`"tag:" must be followed by a tag name.`);
    return { kind: 'tag', tag, ...base };
  }
  if (r.quoted !== null) {
    const words = tokenize(r.quoted).map((t) => t.term);
    if (words.length === 0) {
      if (r.quoted.trim() === '') throw new QueryError(`The phrase "" is empty.`);
      return null;
    }
    return { kind: 'phrase', words, fields, exact: true, ...base };
  }
  const star = r.word.indexOf(STAR);
  const prefix = star >= 0;
  if (prefix && star !== r.word.length - 1) {
    throw new QueryError(`"*" is only allowed at the end of a word, as in econ*.`);
  }
  const text = prefix ? r.word.slice(0, -1) : r.word;
  const tokens = tokenize(text);
  // Each ideograph is a whole token, so "東京*" can only mean the characters 東京 themselves.
  if (prefix && tokens.length > 0 && tokens.every((t) => isIdeograph(t.term))) {
    return buildClause({ ...r, word: text });
  }
  if (prefix && (tokens.length !== 1 || [...tokens[0]!.term].length < MIN_PREFIX_LENGTH)) {
    throw new QueryError(
      `"*" needs at least ${MIN_PREFIX_LENGTH} letters of one word before it, as in econ*.`,
    );
  }
  if (tokens.length === 0) return null;
  if (tokens.length > 1) {
    // "U.S." or a run of ideographs: the parts must appear together.
    if (r.fuzzy > 0) throw new QueryError(`"~" applies to single words; "${text}" is several.`);
    return { kind: 'phrase', words: tokens.map((t) => t.term), fields, exact: false, ...base };
  }
  const word = tokens[0]!.term;
  const fuzzy = Math.min(r.fuzzy, autoDistance(word));
  return { kind: 'term', word, fields, prefix, fuzzy, ...base };
}

/** person:word, person:"full name", org:name*: the words of a name, in order. */
function nameClause(
  r: RawClause,
  field: 'person' | 'org',
  base: Pick<ClauseBase, 'presence' | 'boost' | 'source'>,
): NameClause {
  const text = r.quoted ?? r.word;
  const star = text.indexOf(STAR);
  const prefix = r.quoted === null && star >= 0;
  if ((star >= 0 && star !== text.length - 1) || r.fuzzy > 0) {
    throw new QueryError(`${field}: matches names; "*" may end it, "~" cannot be used with it.`);
  }
  const words = tokenize(prefix ? text.slice(0, -1) : text).map((t) => t.term);
  if (words.length === 0) throw new QueryError(`"${field}:" must be followed by a name.`);
  const entity = field === 'person' ? 'person' : 'organisation';
  return { kind: 'name', entity, words, prefix, ...base };
}
