// Tagging rules inside the import: each new article is judged against every rule before its
// file is written, as the index would answer for that one article (doc-matcher.ts), so it is
// written once, with its rule tags, and indexed once. The judging runs on an index worker, on
// the index's own analysis (query-judge.ts; in the chunk's index build, or without one for a
// small chunk), or here when the worker cannot. What a per-article answer cannot settle alone
// is checked against the index after the import, among the new articles only (see
// docs/organise.md): rules with a prefix or fuzzy word, and articles whose answer a stemming
// language that entered the library during the import could change.
import type { PendingArticle } from '../import/pipeline';
import { ArchiveError } from '../errors';
import { stemLanguage } from '../search/analysis/analyzer';
import { DocQuery, type DocQueryData } from '../search/query/doc-matcher';
import {
  addJudgedLanguages,
  QueryJudge,
  taggedBy,
  type Judging,
  type QueryVerdicts,
} from '../search/query/query-judge';
import { tagKey } from '../library/tags';

/** A rule as the import saw it when it began. */
export interface ImportRule {
  tag: string;
  query: string;
}

/** One rule's decisions during an import. */
export interface RuleDecisions {
  rule: ImportRule;
  /** Null: the query does not parse (the rule is skipped, as its search would fail). */
  query: DocQuery | null;
  /** Written articles this rule gave its tag to. */
  gave: Set<string>;
  /** Written articles to check against the index, with the languages that made them unsure. */
  check: Map<string, readonly string[] | null>;
}

/** What the import needs from the rules: tags decided per chunk, then the written articles. */
export interface ImportTagging {
  /**
   * What judging a complete chunk takes (null: no rule runs), for its index build; asked of
   * each chunk in import order.
   */
  judging(chunk: readonly PendingArticle[]): Judging | null;
  /**
   * Gives each article of a chunk the tags of the rules that find it, before it is written:
   * by the verdicts of an index worker, or judged on this thread when there are none.
   */
  tag(
    chunk: readonly PendingArticle[],
    judging: Judging | null,
    verdicts?: readonly (QueryVerdicts | null)[],
  ): void;
  /** The articles of a tagged chunk that were written (the others are forgotten). */
  written(fresh: readonly PendingArticle[]): void;
  /**
   * Every article is written (the index may still be catching up): records what each rule
   * tagged now when nothing needs the index, so that write overlaps the index's last batches.
   */
  done(): void;
  /** After the import: checks what needs the index and records what each rule tagged. */
  finish(): Promise<void>;
}

interface Pending {
  gave: number[];
  check: [number, readonly string[] | null][];
}

/** Decides rule tags for the articles of one import. */
export class RulesAtImport {
  readonly decisions: RuleDecisions[];
  /** Articles written during the import, in order. */
  readonly writtenIds: string[] = [];
  private readonly runs: boolean;
  // The stemming languages of the library and of the articles judged so far.
  private readonly languages: Set<string>;
  private readonly pending = new Map<string, Pending>();
  // The rules compiled, as every chunk's Judging carries them.
  private readonly compiled: (DocQueryData | null)[];

  /**
   * `languages`: the stemming languages of the library's articles when the import began;
   * `spelling`: the library's spelling of a tag (rule tags are added as the library spells them).
   */
  constructor(
    rules: readonly ImportRule[],
    languages: ReadonlySet<string>,
    private readonly spelling: (tag: string) => string,
  ) {
    this.languages = new Set(languages);
    this.decisions = rules.map((rule) => {
      let query: DocQuery | null = null;
      try {
        query = DocQuery.parse(rule.query);
      } catch (e) {
        if (!(e instanceof ArchiveError && e.code === 'BAD_QUERY')) throw e;
      }
      return { rule, query, gave: new Set(), check: new Map() };
    });
    this.runs = this.decisions.some((d) => d.query !== null);
    this.compiled = this.decisions.map((d) => d.query?.data ?? null);
  }

  /** See ImportTagging.judging. */
  judging(chunk: readonly PendingArticle[]): Judging | null {
    if (!this.runs) return null;
    const judging: Judging = {
      queries: this.compiled,
      tags: this.decisions.map((d) => this.spelling(d.rule.tag)),
      languages: [...this.languages],
      records: chunk.map(({ article: { record: r } }) => ({
        trashedAt: r.trashedAt,
        language: r.language,
        collection: r.collection,
        articleDate: r.articleDate,
      })),
    };
    // The next chunk is judged with these articles' languages in the library (as the
    // judge adds each article's own before judging it).
    addJudgedLanguages(this.languages, judging.records);
    return judging;
  }

  /** See ImportTagging.tag. */
  tag(
    chunk: readonly PendingArticle[],
    judging: Judging | null,
    verdicts?: readonly (QueryVerdicts | null)[],
  ): void {
    if (!judging) return;
    let judged = verdicts;
    if (!judged) {
      const judge = new QueryJudge(judging.queries, judging.languages);
      judged = chunk.map((p, i) => judge.judge(judging.records[i]!, p.doc));
    }
    chunk.forEach((p, i) => {
      const v = judged[i];
      if (!v) return;
      const { record } = p.article;
      const { tags, gave } = taggedBy(record.tags, v.found, judging.tags);
      if (tags) {
        record.tags = tags;
        p.doc.tags = [...tags];
      }
      if (gave.length > 0 || v.check.length > 0) {
        this.pending.set(record.id, { gave, check: v.check });
      }
    });
  }

  /** See ImportTagging.written. */
  written(fresh: readonly PendingArticle[]): void {
    for (const p of fresh) {
      const id = p.article.record.id;
      this.writtenIds.push(id);
      const pending = this.pending.get(id);
      if (!pending) continue;
      this.pending.delete(id);
      for (const i of pending.gave) this.decisions[i]!.gave.add(id);
      for (const [i, langs] of pending.check) this.decisions[i]!.check.set(id, langs);
    }
  }

  /**
   * The written articles of a rule to check against the index once the library holds
   * `languages`: all of them for a query with a prefix or fuzzy word, else those whose answer
   * one of these languages could change.
   */
  toCheck(d: RuleDecisions, languages: ReadonlySet<string>): string[] {
    const ids: string[] = [];
    for (const [id, langs] of d.check) {
      if (langs === null || langs.some((l) => languages.has(l))) ids.push(id);
    }
    return ids;
  }
}

/** The stemming languages of these articles' languages (what the index expands words by). */
export function stemLanguagesOf(languages: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const l of languages) {
    const s = stemLanguage(l);
    if (s) out.add(s);
  }
  return out;
}

/**
 * The library's spelling of each tag by tag key, as the tag list gives it: the first met, for
 * tags some article outside the trash carries.
 */
export function tagSpellings(
  records: Iterable<{ tags: readonly string[]; trashedAt: string | null }>,
): Map<string, string> {
  const first = new Map<string, string>();
  const shown = new Set<string>();
  for (const r of records) {
    for (const t of r.tags) {
      const key = tagKey(t);
      if (!first.has(key)) first.set(key, t);
      if (r.trashedAt === null) shown.add(key);
    }
  }
  for (const key of first.keys()) if (!shown.has(key)) first.delete(key);
  return first;
}
