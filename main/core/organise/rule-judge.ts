// Judges new articles against the tagging rules (doc-matcher.ts), one at a time, in import
// order. It runs on the importing thread: there the analysis memos stay warm from one import to
// the next, where a parse worker (made per import) would start them cold, at twice the CPU.
import { ArchiveError } from '../errors';
import { stemLanguage } from '../search/analysis/analyzer';
import { DocQuery, DocView, Interest } from '../search/query/doc-matcher';
import type { IndexDoc } from '../search/types';
import type { ArticleRecord } from '../store/article-file';

/** Which rules find one article, and which answers the index must confirm after the import. */
export interface RuleVerdicts {
  /** Positions (in the judge's queries) of the rules that find it. */
  found: number[];
  /**
   * Rules whose answer the index must confirm: null for a query with a prefix or fuzzy word,
   * else the stemming languages that, once in the library, could change the answer.
   */
  check: [number, string[] | null][];
}

/** The facts of a record a rule may ask about. */
export type JudgedRecord = Pick<
  ArticleRecord,
  'trashedAt' | 'language' | 'collection' | 'articleDate'
>;

/** The rules of one import, compiled, judging its articles in import order. */
export class RuleJudge {
  private readonly queries: (DocQuery | null)[];
  // The terms any rule may ask for: the rest of an article is not kept.
  private readonly interest = new Interest();
  private readonly languages: Set<string>;
  private readonly unsure = new Set<string>();

  /**
   * `queries`: each rule's query, in the rules' order; `languages`: the stemming languages of
   * the library's articles when the import began.
   */
  constructor(queries: readonly string[], languages: Iterable<string>) {
    this.languages = new Set(languages);
    this.queries = queries.map((q) => {
      try {
        const query = DocQuery.parse(q);
        query.addInterest(this.interest);
        return query;
      } catch (e) {
        // A query that does not parse is skipped, as its search would fail.
        if (e instanceof ArchiveError && e.code === 'BAD_QUERY') return null;
        throw e;
      }
    });
  }

  /** True when some rule can run. */
  get runs(): boolean {
    return this.queries.some((q) => q !== null);
  }

  /** The verdicts for one new article; null when no rule finds it and nothing needs checking. */
  judge(record: JudgedRecord, doc: IndexDoc): RuleVerdicts | null {
    // Rules' searches leave the trash out (a restored export may bring trashed articles).
    if (!this.runs || record.trashedAt !== null) return null;
    const view = new DocView(
      doc,
      { collection: record.collection, articleDate: record.articleDate },
      this.interest,
    );
    // Its own language, and those of the articles before it, are in the index by the time the
    // import ends (judged with fewer, more articles would need checking afterwards).
    const own = stemLanguage(record.language);
    if (own !== '') this.languages.add(own);
    const found: number[] = [];
    const check: RuleVerdicts['check'] = [];
    this.queries.forEach((query, i) => {
      if (!query) return;
      this.unsure.clear();
      if (query.matches(view, this.languages, this.unsure)) found.push(i);
      if (!query.exact) check.push([i, null]);
      else if (this.unsure.size > 0) check.push([i, [...this.unsure]]);
    });
    return found.length > 0 || check.length > 0 ? { found, check } : null;
  }
}
