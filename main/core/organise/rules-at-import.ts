// Tagging rules inside the import: each new article is judged against every rule before its
// file is written (doc-matcher.ts: the index's answer for that one article), so it is written
// once, with its rule tags, and indexed once. What a per-article answer cannot settle alone is
// checked against the index after the import, among the new articles only (see
// docs/organise.md): rules with a prefix or fuzzy word, and articles whose answer a stemming
// language that entered the library during the import could change.
import type { PendingArticle } from '../import/pipeline';
import { ArchiveError } from '../errors';
import { stemLanguage } from '../search/analysis/analyzer';
import { DocQuery } from '../search/query/doc-matcher';
import { RuleJudge, type RuleVerdicts } from './rule-judge';
import { hasTag, tagKey, withTags } from '../library/tags';

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
  /** Gives each article of a chunk the tags of the rules that find it, before it is written. */
  tag(chunk: readonly PendingArticle[]): void;
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
  private readonly judge: RuleJudge;
  private readonly pending = new Map<string, Pending>();

  /**
   * `languages`: the stemming languages of the library's articles when the import began;
   * `spelling`: the library's spelling of a tag (rule tags are added as the library spells them).
   */
  constructor(
    rules: readonly ImportRule[],
    languages: ReadonlySet<string>,
    private readonly spelling: (tag: string) => string,
  ) {
    this.judge = new RuleJudge(
      rules.map((r) => r.query),
      languages,
    );
    this.decisions = rules.map((rule) => {
      let query: DocQuery | null = null;
      try {
        query = DocQuery.parse(rule.query);
      } catch (e) {
        if (!(e instanceof ArchiveError && e.code === 'BAD_QUERY')) throw e;
      }
      return { rule, query, gave: new Set(), check: new Map() };
    });
  }

  /** See ImportTagging.tag. */
  tag(chunk: readonly PendingArticle[]): void {
    if (!this.judge.runs) return;
    for (const p of chunk) {
      const { record } = p.article;
      const verdicts = this.verdicts(p);
      if (!verdicts) continue;
      const pending: Pending = { gave: [], check: verdicts.check };
      const wanted: string[] = [];
      for (const i of verdicts.found) {
        const tag = this.decisions[i]!.rule.tag;
        if (hasTag(record.tags, tag)) continue;
        wanted.push(this.spelling(tag));
        pending.gave.push(i);
      }
      const tags = withTags(record.tags, wanted);
      if (tags) {
        record.tags = tags;
        p.doc.tags = [...tags];
      }
      if (pending.gave.length > 0 || pending.check.length > 0) {
        this.pending.set(record.id, pending);
      }
    }
  }

  /**
   * An article's verdicts; should judging fail, every rule's answer is left to the index
   * after the import (a rule never fails an import).
   */
  private verdicts(p: PendingArticle): RuleVerdicts | null {
    try {
      return this.judge.judge(p.article.record, p.doc);
    } catch {
      const check: RuleVerdicts['check'] = [];
      this.decisions.forEach((d, i) => d.query && check.push([i, null]));
      return { found: [], check };
    }
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
