// Judges one article against a query as the index would, without the index: the same parser,
// the same analysis (analyzeDoc, exactly what a segment stores: terms, word positions, form
// codes) and the same clause logic as query-eval.ts, for one document at a time. Tagging
// rules use it at import, so that a new article is written once, with its rule tags.
//
// The index's answer depends on the rest of the library in two ways only, and both are made
// visible instead of guessed: a query word stands for its stems under every stemming language
// present in the index (so a language that arrives later may add a variant; the languages
// that would change the answer for this article are reported), and prefix and fuzzy words
// expand over the library's whole term list with caps (so a query with one is `exact: false`:
// its per-article answer is the uncapped one, to be checked against the index afterwards).
import { withinBounds } from '../../../contract/date-range';
import {
  FIELDS,
  HAS_FIELDS,
  hasTerm,
  NO_POSITION,
  rawForms,
  rawTerms,
  stemLanguage,
  tagTerm,
  type AnalyzedDoc,
  type FieldName,
  type HasWhat,
} from '../analysis/analyzer';
import { forEachHashedWord } from '../analysis/tokenizer';
import { SpanTable } from '../analysis/span-table';
import { STEMMED_LANGUAGES, stem } from '../analysis/stemmer';
import { editDistance } from '../analysis/term-match';
import { formCode } from '../analysis/word-form';
import type { IndexDoc } from '../types';
import { autoDistance, parseQuery, type Clause, type TermClause } from './query-parser';

/** What a query may ask of an article beyond its indexed fields (judged by the catalogue). */
export interface DocFacts {
  collection?: string | null;
  articleDate?: string | null;
}

/**
 * The index terms worth keeping of an article: those some query may ask for. Terms that no
 * query names are skipped (most of an article), unless a prefix or fuzzy word needs them all.
 */
export class Interest {
  readonly terms = new Set<string>();
  readonly prefixes: string[] = [];
  all = false;
  // Raw word → its wanted terms and their form codes, per stemming language: one lookup per
  // word of an article, where most words hold no term any rule names.
  private readonly memo = new Map<string, SpanTable<WantedWord>>();
  private memoFor = '';

  /** True when `term` is to be kept. */
  wants(term: string): boolean {
    if (this.terms.has(term) || this.all) return true;
    if (this.prefixes.length === 0) return false;
    for (const p of this.prefixes) if (term.startsWith(p)) return true;
    return false;
  }

  /** The wanted terms of each raw word under `lang`, looked up by its span in a text. */
  wordsIn(lang: string): SpanTable<WantedWord> {
    const key = `${this.terms.size}/${this.prefixes.length}/${this.all}`;
    if (key !== this.memoFor) {
      // Interest grew since the memo was filled: its answers may be stale.
      this.memo.clear();
      this.memoFor = key;
    }
    let table = this.memo.get(lang);
    if (!table) this.memo.set(lang, (table = new SpanTable((raw) => this.wanted(raw, lang))));
    return table;
  }

  private wanted(raw: string, lang: string): WantedWord {
    const terms = rawTerms(raw, lang);
    const forms = rawForms(raw, lang);
    let wanted = terms.length === 0 ? NOT_A_WORD : NOTHING_WANTED;
    for (let i = 0; i < terms.length; i++) {
      if (!this.wants(terms[i]!)) continue;
      if (wanted === NOTHING_WANTED) wanted = { word: true, terms: [], forms: [] };
      wanted.terms.push(terms[i]!);
      wanted.forms.push(forms[i]!);
    }
    return wanted;
  }
}

/** The terms of one raw word that an Interest keeps, with the form code of each. */
interface WantedWord {
  /** False for a raw word with no terms at all: it takes no word position. */
  word: boolean;
  terms: string[];
  forms: number[];
}

const NOT_A_WORD: WantedWord = { word: false, terms: [], forms: [] };
const NOTHING_WANTED: WantedWord = { word: true, terms: [], forms: [] };

/** A kept term's word positions, and the form code at each, in one field. */
interface Run {
  positions: number[];
  forms: number[];
}

const FIELD_NO = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<FieldName, number>;

/**
 * One article analysed once, as a segment would hold it (analyzer.ts: analyzeDoc, the same
 * raw words, terms, word positions, gaps and marks), keeping only the terms of `interest`, to
 * be judged by many queries.
 */
export class DocView {
  // Kept term → its run in each field (by field number); one map, so that a term the article
  // does not hold at all is turned away with one lookup.
  private readonly kept = new Map<string, (Run | undefined)[]>();
  private lang = '';
  private shown: DocFacts;

  /** `article`: its text, or what analyzeDoc made of it (then its terms are not found again). */
  constructor(
    article: IndexDoc | AnalyzedDoc,
    facts: DocFacts,
    private readonly interest: Interest = everything,
  ) {
    this.shown = facts;
    this.load(article, facts);
  }

  /** What a query may ask of the article beyond its fields. */
  get facts(): DocFacts {
    return this.shown;
  }

  /** Shows another article instead (a judge of many articles reuses one view). */
  load(article: IndexDoc | AnalyzedDoc, facts: DocFacts): void {
    this.kept.clear();
    this.shown = facts;
    if ('fields' in article) {
      this.lang = article.lang;
      this.fromAnalysis(article);
      return;
    }
    const doc = article;
    this.lang = stemLanguage(doc.language);
    if (doc.title) this.add(doc.title, FIELD_NO.title, 0);
    if (doc.body) this.add(doc.body, FIELD_NO.body, 0);
    if (doc.place) this.add(doc.place, FIELD_NO.place, 0);
    let next = 0;
    for (const tag of doc.tags) {
      // A gap of one position between tags: a phrase must not span two tags.
      next = this.add(tag, FIELD_NO.tags, next) + 1;
      const mark = tagTerm(tag);
      if (this.interest.wants(mark)) this.keep(mark, FIELD_NO.tags, NO_POSITION, 0);
    }
    this.list('note', doc.notes, 'notes');
    this.list('highlight', doc.highlights, 'highlights');
  }

  /** Keeps the wanted terms of an analysis: the same terms, positions and forms, in order. */
  private fromAnalysis(a: AnalyzedDoc): void {
    const { interest } = this;
    const named = interest.terms;
    // Most articles are judged for named terms only: one set lookup per term.
    const open = interest.all || interest.prefixes.length > 0;
    for (const name of FIELDS) {
      const f = FIELD_NO[name];
      const terms = a.fields[name];
      const positions = a.positions[name];
      const forms = a.forms[name];
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i]!;
        if (named.has(term) || (open && interest.wants(term))) {
          this.keep(term, f, positions[i]!, forms[i]!);
        }
      }
    }
  }

  /** True when the article holds `term` in some field. */
  holds(term: string): boolean {
    return this.kept.has(term);
  }

  /** The kept terms of a field. */
  *terms(field: FieldName): Iterable<string> {
    const f = FIELD_NO[field];
    for (const [term, runs] of this.kept) if (runs[f]) yield term;
  }

  /** True when `field` holds `term` (at a word position or not). */
  has(field: FieldName, term: string): boolean {
    return this.kept.get(term)?.[FIELD_NO[field]] !== undefined;
  }

  /** Word positions of `term` in `field`, only those written in `form` when one is given. */
  positions(field: FieldName, term: string, form: number | null): number[] {
    const run = this.kept.get(term)?.[FIELD_NO[field]];
    if (!run) return [];
    const out: number[] = [];
    for (let i = 0; i < run.positions.length; i++) {
      if (run.positions[i] === NO_POSITION) continue;
      if (form === null || run.forms[i] === form) out.push(run.positions[i]!);
    }
    return out;
  }

  /** Notes or highlighted passages: one position apart, and the has: mark when any word. */
  private list(name: FieldName, texts: readonly string[] | undefined, what: HasWhat): void {
    const f = FIELD_NO[name];
    let next = 0;
    let words = false;
    for (const text of texts ?? []) {
      const end = this.add(text, f, next);
      words ||= end > next;
      next = end + 1;
    }
    if (words && this.interest.wants(hasTerm(what))) this.keep(hasTerm(what), f, NO_POSITION, 0);
  }

  /** Adds a text's wanted terms to field `f` from word position `start`; the next position. */
  private add(text: string, f: number, start: number): number {
    let at = start;
    const words = this.interest.wordsIn(this.lang);
    forEachHashedWord(text, (from, to, hash) => {
      const wanted = words.getHashed(text, from, to, hash);
      if (!wanted.word) return;
      for (let i = 0; i < wanted.terms.length; i++) {
        this.keep(wanted.terms[i]!, f, at, wanted.forms[i]!);
      }
      at++;
    });
    return at;
  }

  private keep(term: string, f: number, position: number, form: number): void {
    let runs = this.kept.get(term);
    if (!runs) this.kept.set(term, (runs = []));
    const run = runs[f];
    if (run) {
      run.positions.push(position);
      run.forms.push(form);
    } else runs[f] = { positions: [position], forms: [form] };
  }
}

const everything = Object.assign(new Interest(), { all: true });

/**
 * One index term a query word may match, and the stemming languages that make it a variant
 * (null: the word itself, a variant whatever the languages).
 */
interface Variant {
  term: string;
  langs: readonly string[] | null;
  /** For a quoted word: the form code it must be written in there (word-form.ts). */
  form: number | null;
}

/** The word and its stems under every stemming language, as expandWord would give them. */
function allVariants(word: string, exact: boolean): Variant[] {
  const byTerm = new Map<string, string[] | null>([[word, null]]);
  for (const lang of STEMMED_LANGUAGES) {
    const term = stem(word, lang);
    const langs = byTerm.get(term);
    if (langs === null) continue;
    if (langs) langs.push(lang);
    else byTerm.set(term, [lang]);
  }
  return [...byTerm].map(([term, langs]) => ({
    term,
    langs,
    form: exact ? formCode(word, term) : null,
  }));
}

/** True when the index, holding articles in `languages`, searches this variant. */
const active = (v: Variant, languages: ReadonlySet<string>): boolean =>
  v.langs === null || v.langs.some((l) => languages.has(l));

/** A clause compiled: its words' variants worked out once. */
export type Compiled =
  | { kind: 'words'; clause: Clause; fields: readonly FieldName[]; words: Variant[][] }
  | { kind: 'prefix'; clause: TermClause; fields: readonly FieldName[] }
  | { kind: 'fuzzy'; clause: TermClause; fields: readonly FieldName[]; variants: Variant[] }
  | { kind: 'other'; clause: Clause };

function compile(c: Clause): Compiled {
  if (c.kind === 'term') {
    const fields = c.fields ?? FIELDS;
    if (c.prefix) return { kind: 'prefix', clause: c, fields };
    if (c.fuzzy > 0)
      return { kind: 'fuzzy', clause: c, fields, variants: allVariants(c.word, false) };
    return { kind: 'words', clause: c, fields, words: [allVariants(c.word, false)] };
  }
  if (c.kind === 'phrase') {
    const words = c.words.map((w) => allVariants(w, c.exact));
    return { kind: 'words', clause: c, fields: c.fields ?? FIELDS, words };
  }
  return { kind: 'other', clause: c };
}

/**
 * A compiled query as plain data. Compiling stems each word under every stemming language,
 * which on a fresh thread first loads every language's stemmer: an index worker judging an
 * import's chunks is given the rules compiled, not their text.
 */
export interface DocQueryData {
  readonly clauses: Clause[];
  readonly compiled: Compiled[];
}

/**
 * A query compiled for judging articles one at a time. `matches` gives the index's answer
 * for that article (a search run as rules run it: as typed, over articles outside the trash,
 * without the entities matcher, so person: and org: find nothing there either).
 */
export class DocQuery {
  /**
   * False when the query has a prefix or fuzzy word: the index caps those expansions over the
   * whole library, so the per-article answer (uncapped) must be checked against it.
   */
  readonly exact: boolean;
  private readonly compiled: Compiled[];
  private readonly groupOf: number[];
  // Per group, whether a clause of it hit: filled anew by each `matches`.
  private readonly groupHit: Uint8Array;

  private constructor(
    readonly clauses: Clause[],
    compiled: Compiled[] = clauses.map(compile),
  ) {
    this.compiled = compiled;
    const { groupOf, groups } = requiredGroups(clauses);
    this.groupOf = groupOf;
    this.groupHit = new Uint8Array(groups);
    this.exact = !this.compiled.some((c) => c.kind === 'prefix' || c.kind === 'fuzzy');
  }

  /** Adds to `interest` the terms this query may ask an article for. */
  addInterest(interest: Interest): void {
    for (const c of this.compiled) {
      if (c.kind === 'words')
        for (const w of c.words) for (const v of w) interest.terms.add(v.term);
      else if (c.kind === 'prefix') interest.prefixes.push(c.clause.word);
      else if (c.kind === 'fuzzy') interest.all = true;
      else if (c.clause.kind === 'tag') interest.terms.add(tagTerm(c.clause.tag));
      else if (c.clause.kind === 'has') interest.terms.add(hasTerm(c.clause.what));
    }
  }

  /** Parses and compiles a query; throws QueryError as a search would. */
  static parse(query: string): DocQuery {
    return new DocQuery(parseQuery(query));
  }

  /** The query as plain data, for another thread (DocQuery.from makes it again). */
  get data(): DocQueryData {
    return { clauses: this.clauses, compiled: this.compiled };
  }

  /** A query compiled elsewhere, from its data: no word is stemmed again. */
  static from(data: DocQueryData): DocQuery {
    return new DocQuery(data.clauses, data.compiled);
  }

  /**
   * Whether the index, holding articles in `languages` (stemming languages), finds this
   * article. Languages outside `languages` whose stems of a query word the article holds are
   * added to `unsure`: with one of them in the index the answer may differ.
   */
  matches(doc: DocView, languages: ReadonlySet<string>, unsure?: Set<string>): boolean {
    const { clauses, compiled, groupOf, groupHit } = this;
    if (clauses.length === 0) return false;
    groupHit.fill(0);
    let optional = 0;
    let anyOptional = false;
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (c.presence === 'required') {
        const g = groupOf[i]!;
        if (groupHit[g] === 1) continue;
        groupHit[g] = hit(compiled[i]!, doc, languages, unsure) ? 1 : 0;
      } else if (c.presence === 'optional') {
        optional++;
        if (!anyOptional) anyOptional = hit(compiled[i]!, doc, languages, unsure);
      }
    }
    let found: boolean;
    if (groupHit.length > 0) found = groupHit.every((x) => x === 1);
    // Only exclusions: like Lunr, everything else matches.
    else found = optional === 0 ? true : anyOptional;
    if (!found) return false;
    for (let i = 0; i < clauses.length; i++) {
      if (clauses[i]!.presence === 'prohibited' && hit(compiled[i]!, doc, languages, unsure)) {
        return false;
      }
    }
    return true;
  }
}

/**
 * Each required clause's group (clauses of one anyOf share one; any other required clause has
 * its own), numbered from 0; -1 for the rest. A query matches when every group has a hit.
 */
function requiredGroups(clauses: readonly Clause[]): { groupOf: number[]; groups: number } {
  const byName = new Map<string, number>();
  const groupOf = clauses.map((c, i) => {
    if (c.presence !== 'required') return -1;
    const name = c.anyOf === undefined ? `#${i}` : `any${c.anyOf}`;
    let g = byName.get(name);
    if (g === undefined) byName.set(name, (g = byName.size));
    return g;
  });
  return { groupOf, groups: byName.size };
}

const foldName = (name: string): string => name.normalize('NFC').toLowerCase();

function hit(
  c: Compiled,
  doc: DocView,
  languages: ReadonlySet<string>,
  unsure: Set<string> | undefined,
): boolean {
  switch (c.kind) {
    case 'words':
      // Most articles hold no form of most words: one lookup per variant turns them away.
      if (!c.words.every((w) => w.some((v) => doc.holds(v.term)))) return false;
      return c.fields.some((f) => wordsAt(doc, f, c.words, languages, unsure));
    case 'prefix': {
      const prefix = c.clause.word;
      return c.fields.some((f) => {
        for (const term of doc.terms(f)) if (term.startsWith(prefix)) return true;
        return false;
      });
    }
    case 'fuzzy':
      return c.fields.some((f) => fuzzyAt(doc, f, c.clause, c.variants, languages, unsure));
    case 'other':
      return otherHit(c.clause, doc);
  }
}

/** tag:, has:, collection:, date: and person:/org: (which rules' searches never find). */
function otherHit(c: Clause, doc: DocView): boolean {
  switch (c.kind) {
    case 'tag':
      return doc.has('tags', tagTerm(c.tag));
    case 'has':
      return doc.has(HAS_FIELDS[c.what], hasTerm(c.what));
    case 'collection': {
      const name = doc.facts.collection;
      return !!name && foldName(name) === foldName(c.name);
    }
    case 'date':
      return withinBounds(doc.facts.articleDate ?? null, c);
    default:
      return false;
  }
}

/**
 * True when the words stand next to each other, in order, in `field` (one word: anywhere in
 * it), each as one of its active variants; reports the languages of inactive variants that
 * would have been found.
 */
function wordsAt(
  doc: DocView,
  field: FieldName,
  words: readonly Variant[][],
  languages: ReadonlySet<string>,
  unsure: Set<string> | undefined,
): boolean {
  const single = words.length === 1 && words[0]!.every((v) => v.form === null);
  if (single) {
    // A term clause: any posting of a variant in the field counts (positions play no part).
    let found = false;
    for (const v of words[0]!) {
      if (!doc.has(field, v.term)) continue;
      if (active(v, languages)) found = true;
      else if (unsure) for (const l of v.langs!) unsure.add(l);
    }
    return found;
  }
  let starts: Set<number> | null = null;
  let alien = false;
  for (let k = 0; k < words.length; k++) {
    const next = new Set<number>();
    for (const v of words[k]!) {
      const positions = doc.positions(field, v.term, v.form);
      if (positions.length === 0) continue;
      if (!active(v, languages)) {
        alien = true;
        if (unsure) for (const l of v.langs!) unsure.add(l);
        continue;
      }
      for (const p of positions) if (starts === null || starts.has(p - k)) next.add(p - k);
    }
    starts = next;
    // Kept going while an inactive variant was seen, so that all its languages are reported.
    if (starts.size === 0 && !alien) return false;
  }
  return starts !== null && starts.size > 0;
}

/** A fuzzy word: a variant itself, or a term within its allowed edits of an active variant. */
function fuzzyAt(
  doc: DocView,
  field: FieldName,
  c: TermClause,
  variants: readonly Variant[],
  languages: ReadonlySet<string>,
  unsure: Set<string> | undefined,
): boolean {
  let found = false;
  for (const v of variants) {
    const distance = Math.min(c.fuzzy, autoDistance(v.term));
    let near = doc.has(field, v.term);
    if (!near && distance > 0) {
      for (const term of doc.terms(field)) {
        if (editDistance(term, v.term, distance) <= distance) {
          near = true;
          break;
        }
      }
    }
    if (!near) continue;
    if (active(v, languages)) found = true;
    else if (unsure) for (const l of v.langs!) unsure.add(l);
  }
  return found;
}
