// Parser for the search box: Lunr's syntax (+must -not field:term prefix* fuzzy~1 term^2)
// plus "exact phrases" and tag:name. Every malformed query becomes a QueryError whose
// message says what is wrong in one line.
import { LIMITS } from '../../../contract/limits';
import { QueryError } from '../../errors';
import { FIELDS, type FieldName } from '../analysis/analyzer';
import { isIdeograph, tokenize } from '../analysis/tokenizer';

export type Presence = 'optional' | 'required' | 'prohibited';

interface ClauseBase {
  presence: Presence;
  boost: number;
  /** The clause as typed, for messages. */
  source: string;
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

/** Words that must appear next to each other, in order. */
export interface PhraseClause extends ClauseBase {
  kind: 'phrase';
  words: string[];
  fields: FieldName[] | null;
}

/** An exact tag name (case-insensitive). */
export interface TagClause extends ClauseBase {
  kind: 'tag';
  tag: string;
}

export type Clause = TermClause | PhraseClause | TagClause;

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
const FIELD_LIST = [...FIELDS, 'tag'].join(', ');

// Stands for an unescaped * while reading, so that an escaped \* stays a plain character.
const STAR = '\u0000';
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

class Scanner {
  pos = 0;
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
      if (isSpace(c) || c === '"' || c === '^' || c === '~' || (stopAtColon && c === ':')) {
        return { word, stop: c };
      }
      // An unescaped * is only meaningful at the end; keep it to report misuse.
      word += c === '*' ? STAR : c;
      this.pos++;
    }
    return { word, stop: undefined };
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
  const s = new Scanner(query);
  const clauses: Clause[] = [];
  let count = 0;
  for (s.skipSpace(); !s.atEnd(); s.skipSpace()) {
    const clause = parseClause(s);
    if (++count > MAX_CLAUSES) {
      throw new QueryError(`The query has too many parts (the limit is ${MAX_CLAUSES}).`);
    }
    if (clause) clauses.push(clause);
  }
  return clauses;
}

function parseClause(s: Scanner): Clause | null {
  const begin = s.pos;
  let presence: Presence = 'optional';
  const sign = s.peek();
  if (sign === '+' || sign === '-') {
    presence = sign === '+' ? 'required' : 'prohibited';
    s.pos++;
    if (s.atEnd() || isSpace(s.peek())) {
      throw new QueryError(`"${sign}" must be followed by a word, as in ${sign}word.`);
    }
  }
  let field: FieldName | 'tag' | null = null;
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
  if (!s.atEnd() && !isSpace(s.peek())) {
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

function checkField(name: string): FieldName | 'tag' {
  const lower = name.toLowerCase();
  if (!name) throw new QueryError(`":" must follow a field name, as in title:word.`);
  if (lower === 'tag' || (FIELDS as readonly string[]).includes(lower)) {
    return lower as FieldName | 'tag';
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
  field: FieldName | 'tag' | null;
  quoted: string | null;
  word: string;
  boost: number;
  fuzzy: number;
  source: string;
}

function buildClause(r: RawClause): Clause | null {
  const base = { presence: r.presence, boost: r.boost, source: r.source };
  const fields = r.field && r.field !== 'tag' ? [r.field] : null;
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
    if (words.length === 1) {
      return { kind: 'term', word: words[0]!, fields, prefix: false, fuzzy: 0, ...base };
    }
    return { kind: 'phrase', words, fields, ...base };
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
    return { kind: 'phrase', words: tokens.map((t) => t.term), fields, ...base };
  }
  const word = tokens[0]!.term;
  const fuzzy = Math.min(r.fuzzy, autoDistance(word));
  return { kind: 'term', word, fields, prefix, fuzzy, ...base };
}
