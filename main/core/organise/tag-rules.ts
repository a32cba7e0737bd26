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
import {
  RulesAtImport,
  type ImportRule,
  type ImportTagging,
  type RuleDecisions,
} from './rules-at-import';

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
  /** The stemming languages of the library's articles (those the index expands words by). */
  languages(): ReadonlySet<string>;
  /** The library's spelling of each tag, by tag key. */
  spellings(): ReadonlyMap<string, string>;
}

/** The tagging rules of one library. */
export class TagRules {
  private readonly file: JsonFileStore<RulesFile>;
  // Imports' records of what each rule tagged still being written (see beginImport).
  private recording: Promise<void> = Promise.resolve();

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
   * Starts applying the rules to an import: each article gets its rule tags before it is
   * written (rules-at-import.ts), and `finish` checks what needs the index and records what
   * each rule tagged. A damaged rules file never fails an import: no rule runs.
   */
  async beginImport(): Promise<ImportTagging> {
    let rules: ImportRule[] = [];
    try {
      rules = (await this.file.read()).rules.map((r) => ({ tag: r.tag, query: r.query }));
    } catch {
      // The tag manager reports the file when it lists the rules.
    }
    const spellings = this.deps.spellings();
    const plan = new RulesAtImport(
      rules,
      this.deps.languages(),
      (tag) => spellings.get(tagKey(tag)) ?? tag,
    );
    let early: Promise<boolean> | null = null;
    return {
      judging: (chunk) => plan.judging(chunk),
      tag: (chunk, judging, verdicts) => plan.tag(chunk, judging, verdicts),
      written: (fresh) => plan.written(fresh),
      done: () => {
        early ??= this.recordEarly(plan).catch(() => false);
      },
      finish: async () => {
        if (early && this.settles(plan)) {
          // Nothing is left to decide, only to record: the import is done once its articles
          // are written and searchable, and does not wait for the record's write (at the end
          // of an import it waited ~40 ms behind the index's last fsyncs). Every later change
          // to the rules is queued after it, and closing the library waits for it.
          const record = early
            .then(async (recorded) => {
              if (!recorded || !(await this.unchangedSince(plan))) await this.finishImport(plan);
            })
            .catch(() => undefined);
          const before = this.recording;
          this.recording = before.then(() => record);
          return;
        }
        // A rule added or edited after the early record still gets its search among the new
        // articles, once the index holds them all.
        if (early && (await early) && (await this.unchangedSince(plan))) return;
        await this.finishImport(plan);
      },
    };
  }

  /**
   * Records what each rule tagged as soon as every article is written, when the import's own
   * answers settle every rule (the rules are those it began with, unchanged, and no answer
   * waits for the index): the write then overlaps the index's last batches instead of
   * following them. True when done, leaving finishImport nothing to do.
   */
  private async recordEarly(plan: RulesAtImport): Promise<boolean> {
    if (plan.writtenIds.length === 0) return true;
    return this.file.update(async (doc) => {
      if (!this.settledBy(doc.rules, plan)) return { doc: null, result: false };
      if (plan.decisions.every((d) => d.gave.size === 0)) return { doc: null, result: true };
      const byKey = new Map(plan.decisions.map((d) => [tagKey(d.rule.tag), d]));
      const rules = doc.rules.map((r) => {
        const gave = byKey.get(tagKey(r.tag))!.gave;
        return gave.size > 0 ? { ...r, added: [...new Set([...r.added, ...gave])] } : r;
      });
      return { doc: { format: 1 as const, rules }, result: true };
    });
  }

  /**
   * True when the import's own answers settle every rule: `rules` are those it began with,
   * unchanged, and no answer waits for the index.
   */
  private settledBy(rules: readonly { tag: string; query: string }[], plan: RulesAtImport) {
    if (!sameRules(rules, plan)) return false;
    // Most imports leave no answer unsure: the library's languages (a walk over every record)
    // are gathered only when one is.
    const unsure = plan.decisions.filter((d) => d.query && d.check.size > 0);
    if (unsure.length === 0) return true;
    const languages = this.deps.languages();
    return unsure.every((d) => plan.toCheck(d, languages).length === 0);
  }

  /** settledBy for the rules file as it is now (false when it cannot be read). */
  private settles(plan: RulesAtImport): boolean {
    try {
      return this.settledBy(this.file.readNow().rules, plan);
    } catch {
      return false;
    }
  }

  /** Resolves when an import's record of what each rule tagged, if one is being written, is. */
  async idle(): Promise<void> {
    await this.recording;
    await this.file.idle();
  }

  /** True when the rules file still holds exactly the rules the import began with. */
  private async unchangedSince(plan: RulesAtImport): Promise<boolean> {
    try {
      return sameRules((await this.file.read()).rules, plan);
    } catch {
      return true;
    }
  }

  /**
   * After an import: checks against the index what a per-article answer could not settle,
   * applies rules added or edited while the import ran (their search among the new articles,
   * as before), takes the tag of a rule removed meanwhile off the articles it gave it to, and
   * records in each rule the articles it tagged. One pass of writes for the corrections.
   */
  private async finishImport(plan: RulesAtImport): Promise<void> {
    const ids = plan.writtenIds;
    if (ids.length === 0) return;
    try {
      const { rules } = await this.file.read();
      if (rules.length === 0 && plan.decisions.length === 0) return;
    } catch {
      return;
    }
    await this.file.update(async (doc) => {
      const languages = this.deps.languages();
      const addTo = new Map<string, string[]>();
      const takeOff = new Map<string, string[]>();
      const add = (id: string, tag: string) => addTo.set(id, [...(addTo.get(id) ?? []), tag]);
      const carries = (id: string, tag: string) => hasTag(this.deps.record(id)?.tags ?? [], tag);
      const byKey = new Map(plan.decisions.map((d) => [tagKey(d.rule.tag), d]));
      const seen = new Set<RuleDecisions>();
      const addedBy = new Map<StoredRule, string[]>();
      for (const rule of doc.rules) {
        const d = byKey.get(tagKey(rule.tag));
        if (d) seen.add(d);
        const gave = new Set(d?.gave ?? []);
        if (d?.query && d.rule.query === rule.query) {
          const check = plan.toCheck(d, languages);
          const found = check.length > 0 ? await this.matchAmong(rule.query, check) : null;
          for (const id of found ? check : []) {
            if (found!.has(id) && !gave.has(id) && !carries(id, rule.tag)) {
              add(id, rule.tag);
              gave.add(id);
            } else if (!found!.has(id) && gave.has(id)) {
              takeOff.set(rule.tag, [...(takeOff.get(rule.tag) ?? []), id]);
              gave.delete(id);
            }
          }
        } else {
          // Added or edited while the import ran: its search among the new articles decides.
          const found = (await this.matchAmong(rule.query, ids)) ?? new Set<string>();
          for (const id of gave) {
            if (found.has(id)) continue;
            takeOff.set(rule.tag, [...(takeOff.get(rule.tag) ?? []), id]);
            gave.delete(id);
          }
          for (const id of found) {
            if (gave.has(id) || carries(id, rule.tag)) continue;
            add(id, rule.tag);
            gave.add(id);
          }
        }
        if (gave.size > 0) addedBy.set(rule, [...gave]);
      }
      // Rules removed while the import ran take their tag off the articles they gave it to.
      for (const d of plan.decisions) {
        if (seen.has(d) || d.gave.size === 0) continue;
        takeOff.set(d.rule.tag, [...(takeOff.get(d.rule.tag) ?? []), ...d.gave]);
      }
      if (addTo.size > 0) await this.deps.addTagsEach(addTo);
      for (const [tag, off] of takeOff) await this.untag(off, tag);
      // A set: the early record (recordEarly) may have listed some already.
      const rules = doc.rules.map((r) => ({
        ...r,
        added: [...new Set([...r.added, ...(addedBy.get(r) ?? [])])],
      }));
      return { doc: { format: 1 as const, rules }, result: undefined };
    });
  }

  /** The ids among `ids` the query finds, or null when it cannot run (BAD_QUERY). */
  private async matchAmong(query: string, ids: readonly string[]): Promise<Set<string> | null> {
    try {
      return new Set(await this.deps.match(query, new Set(ids)));
    } catch (e) {
      if (e instanceof ArchiveError && e.code === 'BAD_QUERY') return null;
      throw e;
    }
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

  /**
   * Removes the rule of a deleted tag (the articles lost the tag with the delete), so the
   * next import does not bring the tag back. Returns what undo needs, or undefined when the
   * tag had no rule.
   */
  async followDelete(tag: string): Promise<TagRuleSnapshot | undefined> {
    try {
      const { rules } = await this.file.read();
      if (!rules.some((r) => tagKey(r.tag) === tagKey(tag))) return undefined;
    } catch {
      // The tag is deleted already; a damaged rules file must not turn that into a failure.
      return undefined;
    }
    return this.file.update(async ({ rules }) => {
      const at = rules.findIndex((r) => tagKey(r.tag) === tagKey(tag));
      if (at < 0) return { doc: { format: 1 as const, rules }, result: undefined };
      const removed = rules[at]!;
      const next = rules.filter((_, i) => i !== at);
      // `after` names no rule: undo puts this one back (last in the list).
      const result: TagRuleSnapshot = { before: [removed], after: removed.tag };
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

/** True when `rules` are the import's rules: the same tags with the same queries. */
function sameRules(rules: readonly { tag: string; query: string }[], plan: RulesAtImport): boolean {
  if (rules.length !== plan.decisions.length) return false;
  const byKey = new Map(plan.decisions.map((d) => [tagKey(d.rule.tag), d.rule.query]));
  return rules.every((r) => byKey.get(tagKey(r.tag)) === r.query);
}
