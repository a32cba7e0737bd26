// The organising features of one open library, wired to the engine: collections, saved
// searches and tagging rules. The engine forwards its calls here.
import type {
  CollectionCount,
  CollectionSnapshot,
  PutSavedSearch,
  PutTagRule,
  RemovedSavedSearch,
  SavedSearchCount,
  SavedSearchList,
  TagRule,
  TagRuleList,
  TagRuleOutcome,
  TagRulePreview,
} from '../../contract/organise';
import type { SearchResult, TagSnapshot } from '../../contract/types';
import { tagKey } from '../library/tags';
import type { ArticleRecord } from '../store/article-file';
import type { Catalog } from '../store/catalog';
import { Collections } from './collections';
import { countSaved, runSaved, type SavedRunDeps } from './saved-run';
import { SavedSearches } from './saved-searches';
import { TagRules, type RuleDeps } from './tag-rules';
import { stemLanguagesOf, tagSpellings } from './rules-at-import';

/** The languages of the catalogue's articles, trash included (it stays indexed). */
function* languagesOf(catalog: Catalog): Generator<string> {
  for (const r of catalog.records.values()) yield r.language;
}

type Update = (
  ids: string[],
  edit: (r: ArticleRecord) => Partial<ArticleRecord> | null,
) => Promise<string[]>;

export interface OrganiserDeps extends SavedRunDeps {
  dir: string;
  catalog: Catalog;
  checkWritable: () => void;
  /** Record edits that change collections. */
  update: Update;
  match: RuleDeps['match'];
  addTag: RuleDeps['addTag'];
  addTagsEach: RuleDeps['addTagsEach'];
  removeTag: RuleDeps['removeTag'];
}

/** Collections, saved searches and rules over one library. */
export class Organiser {
  readonly collections: Collections;
  readonly saved: SavedSearches;
  readonly rules: TagRules;

  constructor(private readonly deps: OrganiserDeps) {
    this.collections = new Collections(deps.catalog, deps.update, deps.checkWritable);
    this.saved = new SavedSearches(deps.dir, deps.checkWritable, (s) => countSaved(s, deps));
    this.rules = new TagRules(deps.dir, deps.checkWritable, {
      match: deps.match,
      record: (id) => deps.catalog.records.get(id),
      addTag: deps.addTag,
      addTagsEach: deps.addTagsEach,
      removeTag: deps.removeTag,
      languages: () => stemLanguagesOf(languagesOf(deps.catalog)),
      spellings: () => tagSpellings(deps.catalog.records.values()),
    });
  }

  listCollections(): CollectionCount[] {
    return this.collections.list();
  }
  renameCollection(args: { from: string; to: string }): Promise<CollectionSnapshot> {
    return this.collections.rename(args.from, args.to);
  }
  restoreCollections(snapshot: CollectionSnapshot): Promise<void> {
    return this.collections.restore(snapshot);
  }

  listSavedSearches(): Promise<SavedSearchList> {
    return this.saved.list();
  }
  putSavedSearch(args: PutSavedSearch): Promise<SavedSearchCount> {
    return this.saved.put(args);
  }
  removeSavedSearch(args: { name: string }): Promise<RemovedSavedSearch> {
    return this.saved.remove(args.name);
  }
  reorderSavedSearches(args: { names: string[] }): Promise<void> {
    return this.saved.reorder(args.names);
  }
  async runSavedSearch(args: {
    name: string;
    limit?: number;
    offset?: number;
  }): Promise<SearchResult> {
    const s = await this.saved.get(args.name);
    return runSaved(s, { limit: args.limit, offset: args.offset }, this.deps);
  }

  listTagRules(): Promise<TagRuleList> {
    return this.rules.list();
  }
  previewTagRule(args: TagRule): Promise<TagRulePreview> {
    return this.rules.preview(args);
  }
  putTagRule(args: PutTagRule): Promise<TagRuleOutcome> {
    return this.rules.put(args);
  }
  /**
   * Makes the rules follow a tag rename whose undo snapshot is `snapshot` (the renamed
   * articles as they were); returns the snapshot with what undoing the rules needs.
   */
  async followTagRename(from: string, to: string, snapshot: TagSnapshot): Promise<TagSnapshot> {
    const hadTarget = new Set(
      snapshot.entries.filter((e) => e.tags.some((t) => tagKey(t) === tagKey(to))).map((e) => e.id),
    );
    // The rename may have kept the library's spelling of `to`; the rule takes that spelling.
    const renamed = snapshot.entries
      .map((e) => this.deps.catalog.records.get(e.id)?.tags.find((t) => tagKey(t) === tagKey(to)))
      .find((t) => t !== undefined);
    const rules = await this.rules.followRename(from, renamed ?? to, hadTarget);
    return rules ? { ...snapshot, rules } : snapshot;
  }

  /**
   * Removes the rule of a deleted tag whose undo snapshot is `snapshot`; returns the snapshot
   * with the rule, so that undo restores the tag and its rule together.
   */
  async followTagDelete(tag: string, snapshot: TagSnapshot): Promise<TagSnapshot> {
    const rules = await this.rules.followDelete(tag);
    return rules ? { ...snapshot, rules } : snapshot;
  }

  /** Undoes what `followTagRename` or `followTagDelete` did to the rules, if anything. */
  async restoreTagRules(snapshot: TagSnapshot): Promise<void> {
    if (snapshot.rules) await this.rules.restore(snapshot.rules);
  }

  async removeTagRule(args: { tag: string }): Promise<TagRuleOutcome> {
    const { removed: _removed, ...outcome } = await this.rules.remove(args.tag);
    return outcome;
  }
}
