// Versions of the same story: articles whose bodies are near-duplicates, grouped.
import { z } from './zod';
import { articleIdSchema } from './article-id';
import { articleMetaSchema } from './types';

/** One group of two or more versions of a story. */
export const versionGroupSchema = z.object({
  /** Its articles' ids, sorted. */
  ids: z.array(articleIdSchema),
  /** The title of its earliest imported article. */
  title: z.string(),
});
export type VersionGroup = z.infer<typeof versionGroupSchema>;

/** Every group of versions in the library (articles in the trash are left out). */
export const versionGroupsSchema = z.object({ groups: z.array(versionGroupSchema) });
export type VersionGroups = z.infer<typeof versionGroupsSchema>;

/** The versions of one article's story: its group, itself included. */
export const articleVersionsSchema = z.object({
  /**
   * The group's main version: the one the user marked, else the earliest imported; the one
   * the list shows when other versions are hidden. Null when the article has no versions.
   */
  main: articleIdSchema.nullable(),
  /** Every member of the group, itself included, earliest imported first; empty when none. */
  versions: z.array(articleMetaSchema),
});
export type ArticleVersions = z.infer<typeof articleVersionsSchema>;

export const DIFF_KINDS = ['same', 'added', 'removed'] as const;

/** A run of sentences both texts share, or only the other version has, or only this one. */
export const diffSegmentSchema = z.object({
  kind: z.enum(DIFF_KINDS),
  /** The sentences as written, with the spaces and paragraph breaks between them. */
  text: z.string(),
});
export type DiffSegment = z.infer<typeof diffSegmentSchema>;

/** How another version's body differs from an article's, sentence by sentence. */
export const versionDiffSchema = z.object({
  /**
   * The open article's body, read in order, with the other version's changes in it:
   * `removed` sentences are in the open article only, `added` ones in the other only.
   */
  segments: z.array(diffSegmentSchema),
  /** Sentences the other version adds, and sentences it lacks. */
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  /** True when the texts differ too much to compare in time: shown as all removed, all added. */
  coarse: z.boolean(),
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;
