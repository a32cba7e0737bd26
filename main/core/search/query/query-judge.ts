// Judges articles against a list of queries (tagging rules), one at a time, in import order,
// as the index would answer them (doc-matcher.ts). Inside an import this runs where the index
// analyses the article anyway (build-segment.ts, on an index worker): the view of the article
// is then taken from that analysis, so the rules cost a lookup per term instead of a second
// scan of the text. Given the text alone, the view scans it (DocView).
import { ArchiveError } from '../../errors';
import { stemLanguage, type AnalyzedDoc } from '../analysis/analyzer';
import { DocQuery, DocView, Interest, type DocQueryData } from './doc-matcher';
import type { IndexDoc } from '../types';
import type { ArticleRecord } from '../../store/article-file';
import { hasTag, withTags } from '../../library/tags';

/** Which queries find one article, and which answers the index must confirm later. */
export interface QueryVerdicts {
  /** Positions (in the judge's queries) of the queries that find it. */
  found: number[];
  /**
   * Queries whose answer the index must confirm: null for a query with a prefix or fuzzy word,
   * else the stemming languages that, once in the library, could change the answer.
   */
  check: [number, string[] | null][];
}

/** The facts of a record a query may ask about. */
export type JudgedRecord = Pick<
  ArticleRecord,
  'trashedAt' | 'language' | 'collection' | 'articleDate'
>;

/**
 * Queries to judge the articles of one build by, with the tag each gives: what a build task
 * carries (plain data, for a worker).
 */
export interface Judging {
  /** Each query compiled (compileQueries); null for one that does not parse (it is skipped). */
  queries: (DocQueryData | null)[];
  /** The tag of each query, as the library spells it. */
  tags: string[];
  /** The stemming languages of the library when the first of these articles is judged. */
  languages: string[];
  /** The facts of each article of the build, in its order. */
  records: JudgedRecord[];
}

/**
 * Queries compiled for judging, null for each that does not parse (as its search would fail,
 * it is skipped).
 */
export function compileQueries(queries: readonly string[]): (DocQueryData | null)[] {
  return queries.map((q) => {
    try {
      return DocQuery.parse(q).data;
    } catch (e) {
      if (e instanceof ArchiveError && e.code === 'BAD_QUERY') return null;
      throw e;
    }
  });
}

/** Compiled queries made into DocQueries, with the terms any of them may ask an article for. */
interface JudgeQueries {
  queries: (DocQuery | null)[];
  interest: Interest;
}

// By the list a Judging carries: where chunks are judged from their text on the importing
// thread (an index without workers, or a worker that failed), several are judged by one
// list, and the interest's memo of the words met (raw word → wanted terms) serves them all.
const judgeQueriesOf = new WeakMap<readonly (DocQueryData | null)[], JudgeQueries>();

function judgeQueries(data: readonly (DocQueryData | null)[]): JudgeQueries {
  let made = judgeQueriesOf.get(data);
  if (!made) {
    const interest = new Interest();
    const queries = data.map((d) => d && DocQuery.from(d));
    for (const q of queries) q?.addInterest(interest);
    judgeQueriesOf.set(data, (made = { queries, interest }));
  }
  return made;
}

/** The queries of one import, compiled, judging its articles in import order. */
export class QueryJudge {
  private readonly queries: (DocQuery | null)[];
  // The terms any query may ask for: the rest of an article is not kept.
  private readonly interest: Interest;
  private readonly languages: Set<string>;
  private readonly unsure = new Set<string>();
  // One view, loaded with each article in turn.
  private view: DocView | null = null;

  /**
   * `queries`: each rule's query compiled (compileQueries), in the rules' order; `languages`:
   * the stemming languages of the library's articles when the import began.
   */
  constructor(queries: readonly (DocQueryData | null)[], languages: Iterable<string>) {
    this.languages = new Set(languages);
    ({ queries: this.queries, interest: this.interest } = judgeQueries(queries));
  }

  /** True when some query can run. */
  get runs(): boolean {
    return this.queries.some((q) => q !== null);
  }

  /**
   * The verdicts for one new article, from its text or from its index analysis; null when no
   * query finds it and nothing needs checking. Should judging fail, every answer is left to
   * the index (a rule never fails an import).
   */
  judge(record: JudgedRecord, article: IndexDoc | AnalyzedDoc): QueryVerdicts | null {
    // Rules' searches leave the trash out (a restored export may bring trashed articles).
    if (!this.runs || record.trashedAt !== null) return null;
    try {
      return this.verdicts(record, article);
    } catch {
      const check: QueryVerdicts['check'] = [];
      this.queries.forEach((q, i) => q && check.push([i, null]));
      return { found: [], check };
    }
  }

  private verdicts(record: JudgedRecord, article: IndexDoc | AnalyzedDoc): QueryVerdicts | null {
    const facts = { collection: record.collection, articleDate: record.articleDate };
    if (this.view) this.view.load(article, facts);
    else this.view = new DocView(article, facts, this.interest);
    const { view, queries, unsure, languages } = this;
    // Its own language, and those of the articles before it, are in the index by the time the
    // import ends (judged with fewer, more articles would need checking afterwards).
    addJudgedLanguages(languages, [record]);
    // Most articles are found by no rule: nothing is allocated for them.
    let verdicts: QueryVerdicts | null = null;
    for (let i = 0; i < queries.length; i++) {
      const query = queries[i];
      if (!query) continue;
      // Clearing replaces the set's table even when empty, and most judgements leave it so.
      if (unsure.size > 0) unsure.clear();
      if (query.matches(view, languages, unsure))
        (verdicts ??= { found: [], check: [] }).found.push(i);
      if (!query.exact) (verdicts ??= { found: [], check: [] }).check.push([i, null]);
      else if (unsure.size > 0)
        (verdicts ??= { found: [], check: [] }).check.push([i, [...unsure]]);
    }
    return verdicts;
  }
}

/**
 * Adds to `languages` what judging these articles adds, in order: the stemming language of each
 * one outside the trash (the languages the next article is judged with).
 */
export function addJudgedLanguages(languages: Set<string>, records: readonly JudgedRecord[]): void {
  for (const r of records) {
    const own = stemLanguage(r.language);
    if (r.trashedAt === null && own !== '') languages.add(own);
  }
}

/**
 * The tags an article carries once the queries that found it gave theirs (`tags`: each
 * query's tag), and which of them gave one it lacked; `tags` is null when nothing changes.
 */
export function taggedBy(
  own: readonly string[],
  found: readonly number[],
  tags: readonly string[],
): { tags: string[] | null; gave: number[] } {
  const gave = found.filter((i) => !hasTag(own, tags[i]!));
  return {
    tags: withTags(
      own,
      gave.map((i) => tags[i]!),
    ),
    gave,
  };
}
