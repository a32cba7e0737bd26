// Versions of the same story: articles whose bodies are near-duplicates, grouped.
import { z } from './zod';
import { articleIdSchema } from './article-id';

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
