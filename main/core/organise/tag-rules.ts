// Tagging rules: a query and a tag; every article the query finds carries the tag, now and at
// every later import. Kept in tag-rules.json in the library folder with, per rule, the
// articles it tagged: a rule only ever takes its tag off those (when it is edited or removed),
// never off an article that carried the tag before, so a tag a person added stays.
import { z } from '../../contract/zod';
import { LIMITS } from '../../contract/limits';
import { articleIdSchema } from '../../contract/article-id';
import {
  tagRuleSchema,
  type PutTagRule,
  type TagRule,
  type TagRuleList,
  type TagRuleOutcome,
  type TagRulePreview,
} from '../../contract/organise';
import type { TagSnapshot } from '../../contract/types';
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import { hasTag, tagKey } from '../library/tags';
import { JsonFileStore } from './json-file-store';

export const TAG_RULES_FILE = 'tag-rules.json';

const storedRuleSchema = tagRuleSchema.extend({
  /** Articles this rule gave its tag to (they did not carry it before). */
  added: z.array(articleIdSchema).max(LIMITS.idsPerCall * 10),
});
type StoredRule = z.infer<typeof storedRuleSchema>;

/** The rules a tag rename changed, as they were, and the tag of the rule it left. */
export type TagRuleSnapshot = NonNullable<TagSnapshot['rules']>;

const fileSchema = z.strictObject({
  format: z.literal(1),
  rules: z.array(storedRuleSchema).max(LIMITS.tagRules),
});
type RulesFile = z.infer<typeof fileSchema>;

/** What rules need from the engine. */
export interface RuleDeps {
  /**
   * Ids of the articles outside the trash the query finds, as typed (no spelling
   * corrections), among `among` when given; BAD_QUERY for a query that cannot run.
   */
  match(query: string, among?: ReadonlySet<string>): Promise<string[]>;
  record(id: string): ArticleRecord | undefined;
  addTag(ids: string[], tags: string[]): Promise<void>;
  /** Adds to each article its own tags, in one pass of writes. */
  addTagsEach(tagsOf: ReadonlyMap<string, string[]>): Promise<void>;
  removeTag(ids: string[], tag: string): Promise<void>;
}

/** The tagging rules of one library. */
export class TagRules {
  private readonly file: JsonFileStore<RulesFile>;

  constructor(
    dir: string,
    checkWritable: () => void,
    private readonly deps: RuleDeps,
  ) {
    this.file = new JsonFileStore(
      dir,
      TAG_RULES_FILE,
      fileSchema,
      () => ({ format: 1, rules: [] }),
      checkWritable,
    );
  }

  /** Every rule with how many articles its query finds now. */
  async list(): Promise<TagRuleList> {
    const { rules } = await this.file.read();
    const out: TagRuleList['rules'] = [];
    for (const r of rules) {
      let matched = 0;
      try {
        matched = (await this.deps.match(r.query)).length;
      } catch (e) {
        if (!(e instanceof ArchiveError && e.code === 'BAD_QUERY')) throw e;
      }
      out.push({ tag: r.tag, query: r.query, matched });
    }
    return { rules: out };
  }

  /** What saving this rule would do, without doing it. */
  async preview(rule: TagRule): Promise<TagRulePreview> {
    checkQuery(rule.query);
    const ids = await this.deps.match(rule.query);
    const wouldTag = ids.filter((id) => !hasTag(this.deps.record(id)?.tags ?? [], rule.tag));
    return { matched: ids.length, wouldTag: wouldTag.length };
  }

  /**
   * Adds a rule and applies it at once, or replaces the rule for tag `previous` (an edit):
   * articles it had tagged that the new query does not find lose the tag.
   */
  put(args: PutTagRule): Promise<TagRuleOutcome> {
    checkQuery(args.query);
    return this.file.update(async ({ rules }) => {
      const at =
        args.previous === undefined
          ? -1
          : rules.findIndex((r) => tagKey(r.tag) === tagKey(args.previous!));
      if (args.previous !== undefined && at < 0) throw notFound(args.previous);
      const clash = rules.findIndex((r, i) => i !== at && tagKey(r.tag) === tagKey(args.tag));
      if (clash >= 0) {
        throw new ArchiveError(
          'BAD_ARGUMENT',
          `A rule for the tag "${rules[clash]!.tag}" already exists; edit or remove it.`,
        );
      }
      if (at < 0 && rules.length >= LIMITS.tagRules) {
        throw new ArchiveError('BAD_ARGUMENT', `A library holds at most ${LIMITS.tagRules} rules.`);
      }
      const matched = await this.deps.match(args.query);
      const old = at >= 0 ? rules[at]! : null;
      let untagged = 0;
      let kept: string[] = [];
      if (old) {
        const found = new Set(matched);
        const sameTag = tagKey(old.tag) === tagKey(args.tag);
        const drop = old.added.filter((id) => !sameTag || !found.has(id));
        untagged = await this.untag(drop, old.tag);
        kept = sameTag ? old.added.filter((id) => found.has(id)) : [];
      }
      const fresh = matched.filter((id) => !hasTag(this.deps.record(id)?.tags ?? [], args.tag));
      if (fresh.length > 0) await this.deps.addTag(fresh, [args.tag]);
      const rule: StoredRule = { tag: args.tag, query: args.query, added: [...kept, ...fresh] };
      const next = [...rules];
      if (at >= 0) next[at] = rule;
      else next.push(rule);
      const result = { tagged: fresh.length, untagged, matched: matched.length };
      return { doc: { format: 1 as const, rules: next }, result };
    });
  }

  /** Removes the rule for a tag and takes the tag off the articles the rule gave it to. */
  remove(tag: string): Promise<TagRuleOutcome & { removed: TagRule }> {
    return this.file.update(async ({ rules }) => {
      const at = rules.findIndex((r) => tagKey(r.tag) === tagKey(tag));
      if (at < 0) throw notFound(tag);
      const old = rules[at]!;
      const untagged = await this.untag(old.added, old.tag);
      const next = rules.filter((_, i) => i !== at);
      const removed = { tag: old.tag, query: old.query };
      return {
        doc: { format: 1 as const, rules: next },
        result: { tagged: 0, untagged, matched: 0, removed },
      };
    });
  }

  /**
   * Applies every rule to newly imported articles: one tag write per article whatever the
   * number of rules. A rule whose query no longer runs is skipped.
   */
  async applyToImported(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    let rules: StoredRule[];
    try {
      ({ rules } = await this.file.read());
    } catch {
      // A damaged rules file must not turn a finished import into a failure; the tag
      // manager reports it when the rules are listed.
      return 0;
    }
    if (rules.length === 0) return 0;
    return this.file.update(async (doc) => {
      const among = new Set(ids);
      const tagsOf = new Map<string, string[]>();
      const added = new Map<StoredRule, string[]>();
      for (const rule of doc.rules) {
        let found: string[];
        try {
          found = await this.deps.match(rule.query, among);
        } catch (e) {
          if (e instanceof ArchiveError && e.code === 'BAD_QUERY') continue;
          throw e;
        }
        const fresh = found.filter((id) => !hasTag(this.deps.record(id)?.tags ?? [], rule.tag));
        for (const id of fresh) tagsOf.set(id, [...(tagsOf.get(id) ?? []), rule.tag]);
        if (fresh.length > 0) added.set(rule, fresh);
      }
      // One pass of writes for every article, whatever tags each gets.
      if (tagsOf.size > 0) await this.deps.addTagsEach(tagsOf);
      const rules = doc.rules.map((r) => ({ ...r, added: [...r.added, ...(added.get(r) ?? [])] }));
      return { doc: { format: 1 as const, rules }, result: tagsOf.size };
    });
  }

  /**
   * Makes the rules follow a tag renamed from `from` to `to` (spelt `to` in the library now):
   * the rule for `from` takes the new name, or, when `to` has a rule already, is dropped and
   * `to`'s rule is kept (see docs/organise.md). `hadTarget`: articles that carried `to` before,
   * which the rule for `from` must not count as its own. Returns what undo needs, or
   * undefined when no rule changed.
   */
  async followRename(
    from: string,
    to: string,
    hadTarget: ReadonlySet<string>,
  ): Promise<TagRuleSnapshot | undefined> {
    try {
      const { rules } = await this.file.read();
      if (!rules.some((r) => tagKey(r.tag) === tagKey(from))) return undefined;
    } catch {
      // The tags are renamed already: a damaged rules file must not turn that into a failure
      // (and lose its undo); the tag manager reports the file when it lists the rules.
      return undefined;
    }
    return this.file.update(async ({ rules }) => {
      const unchanged = { doc: { format: 1 as const, rules }, result: undefined };
      const at = rules.findIndex((r) => tagKey(r.tag) === tagKey(from));
      if (at < 0) return unchanged;
      const source = rules[at]!;
      const caseOnly = tagKey(from) === tagKey(to);
      const into = caseOnly ? -1 : rules.findIndex((r) => tagKey(r.tag) === tagKey(to));
      let next: StoredRule[];
      if (into >= 0) {
        // The rule already named `to` wins; the articles `from`'s rule tagged keep the tag,
        // now as if a person had added it, so no later edit of the kept rule takes it away.
        next = rules.filter((_, i) => i !== at);
      } else {
        const added = caseOnly ? source.added : source.added.filter((id) => !hadTarget.has(id));
        next = rules.map((r, i) => (i === at ? { ...r, tag: to, added } : r));
      }
      // In their order in the file, so that undo puts them back in it.
      const before = into >= 0 ? [at, into].sort((x, y) => x - y).map((i) => rules[i]!) : [source];
      const result: TagRuleSnapshot = { before, after: into >= 0 ? rules[into]!.tag : to };
      return { doc: { format: 1 as const, rules: next }, result };
    });
  }

  /** Puts back the rules a tag rename changed (its undo). */
  restore(snapshot: TagRuleSnapshot): Promise<void> {
    return this.file.update(async ({ rules }) => {
      const at = rules.findIndex((r) => tagKey(r.tag) === tagKey(snapshot.after));
      const rest = rules.filter((_, i) => i !== at);
      // A rule made since for one of these tags stays; the old one is not put back over it.
      const back = snapshot.before.filter(
        (old) => !rest.some((r) => tagKey(r.tag) === tagKey(old.tag)),
      );
      const next = [...rest];
      next.splice(at >= 0 ? at : next.length, 0, ...back);
      return {
        doc: { format: 1 as const, rules: next.slice(0, LIMITS.tagRules) },
        result: undefined,
      };
    });
  }

  /** Takes `tag` off those of `ids` that still carry it; returns how many. */
  private async untag(ids: readonly string[], tag: string): Promise<number> {
    const carrying = ids.filter((id) => hasTag(this.deps.record(id)?.tags ?? [], tag));
    if (carrying.length > 0) await this.deps.removeTag(carrying, tag);
    return carrying.length;
  }
}

function checkQuery(query: string): void {
  if (query.trim() === '') throw new ArchiveError('BAD_ARGUMENT', 'A rule needs a query.');
}

const notFound = (tag: string) =>
  new ArchiveError('NOT_FOUND', `There is no rule for the tag "${tag}".`);
