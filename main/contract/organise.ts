// Shapes of the organising features: collections (the folders articles were imported from),
// saved searches and tagging rules. The engine keeps saved searches and rules in the library
// folder, so the app and the command line share them.
import { z } from './zod';
import { LIMITS } from './limits';
import { articleIdSchema } from './article-id';
import { collectionNameSchema, savedSearchNameSchema } from './name-schemas';
import { tagNameSchema, tagReferenceSchema } from './tag-name';
import { libraryViewSchema, queryTextSchema, searchSortSchema, sortOrderSchema } from './types';

const count = z.number().int().nonnegative();

// The name schemas live apart (name-schemas.ts), so the command line can check names cheaply.
export { collectionNameSchema, savedSearchNameSchema } from './name-schemas';

export const collectionCountSchema = z.object({ name: z.string(), count });
export type CollectionCount = z.infer<typeof collectionCountSchema>;

/** Collections of some articles before a change, so the change can be undone. */
export const collectionSnapshotSchema = z.strictObject({
  entries: z
    .array(z.strictObject({ id: articleIdSchema, collection: z.string().max(1000).nullable() }))
    .max(LIMITS.idsPerCall, `may hold at most ${LIMITS.idsPerCall} entries`),
});
export type CollectionSnapshot = z.infer<typeof collectionSnapshotSchema>;

/** An ISO day, YYYY-MM-DD. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** What a saved search narrows to besides its query; every field optional. */
export const savedFiltersSchema = z.strictObject({
  view: libraryViewSchema.optional(),
  tags: z.array(tagReferenceSchema).max(LIMITS.tagsPerCall).optional(),
  collection: collectionNameSchema.optional(),
  /** Articles dated on or after this day (their own date; undated ones are left out). */
  from: isoDay.optional(),
  /** Articles dated on or before this day. */
  to: isoDay.optional(),
  sort: searchSortSchema.optional(),
  order: sortOrderSchema.optional(),
});
export type SavedFilters = z.infer<typeof savedFiltersSchema>;

/** A saved search as stored. */
export const savedSearchSchema = z.strictObject({
  name: savedSearchNameSchema,
  query: queryTextSchema,
  filters: savedFiltersSchema,
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** A saved search with how many articles it finds now. */
export const savedSearchCountSchema = savedSearchSchema.extend({ count });
export type SavedSearchCount = z.infer<typeof savedSearchCountSchema>;

export const savedSearchListSchema = z.object({ saved: z.array(savedSearchCountSchema) });
export type SavedSearchList = z.infer<typeof savedSearchListSchema>;

/** Adds a saved search, or replaces the one named `previous` (an edit or a rename). */
export const putSavedSearchSchema = savedSearchSchema.extend({
  previous: savedSearchNameSchema.optional(),
  /** Where to put a new one (default: last); an edit keeps its place. */
  position: z.number().int().min(0).max(LIMITS.savedSearches).optional(),
});
export type PutSavedSearch = z.infer<typeof putSavedSearchSchema>;

/** A removed saved search and where it was, for undo (put it back at `position`). */
export const removedSavedSearchSchema = z.object({
  removed: savedSearchSchema,
  position: count,
});
export type RemovedSavedSearch = z.infer<typeof removedSavedSearchSchema>;

/** A tagging rule: every article its query finds carries its tag. */
export const tagRuleSchema = z.strictObject({ tag: tagNameSchema, query: queryTextSchema });
export type TagRule = z.infer<typeof tagRuleSchema>;

/** A rule with how many articles (outside the trash) its query finds now. */
export const tagRuleCountSchema = z.object({ tag: z.string(), query: z.string(), matched: count });
export type TagRuleCount = z.infer<typeof tagRuleCountSchema>;

export const tagRuleListSchema = z.object({ rules: z.array(tagRuleCountSchema) });
export type TagRuleList = z.infer<typeof tagRuleListSchema>;

/** Adds a rule, or replaces the one for tag `previous` (an edit). */
export const putTagRuleSchema = tagRuleSchema.extend({ previous: tagReferenceSchema.optional() });
export type PutTagRule = z.infer<typeof putTagRuleSchema>;

/** What a rule would do: articles its query finds, and how many of them lack its tag. */
export const tagRulePreviewSchema = z.object({ matched: count, wouldTag: count });
export type TagRulePreview = z.infer<typeof tagRulePreviewSchema>;

/** What saving or removing a rule did to tags. */
export const tagRuleOutcomeSchema = z.object({
  /** Articles that got the tag from the rule now. */
  tagged: count,
  /** Articles that lost the tag (only ever ones the rule had tagged, never a person's tag). */
  untagged: count,
  matched: count,
});
export type TagRuleOutcome = z.infer<typeof tagRuleOutcomeSchema>;
