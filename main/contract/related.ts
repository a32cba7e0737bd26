// Related articles ("more like this"): the articles most similar to one by their weighted terms.
import { z } from './zod';
import { LIMITS } from './limits';
import { articleIdSchema } from './article-id';
import { DEFAULT_RELATED_LIMIT } from './related-limit';

export { DEFAULT_RELATED_LIMIT };

/** What `related` is asked: the article, and how many related ones at most. */
export const relatedQuerySchema = z.strictObject({
  id: articleIdSchema,
  limit: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be between 1 and ${LIMITS.relatedLimit}`)
    .max(LIMITS.relatedLimit, `must be between 1 and ${LIMITS.relatedLimit}`)
    .optional(),
});
export type RelatedQuery = z.infer<typeof relatedQuerySchema>;

/** One related article. */
export const relatedHitSchema = z.object({
  id: articleIdSchema,
  title: z.string(),
  /** Similarity: the weighted terms shared with the article (higher is closer; not bounded). */
  score: z.number(),
});
export type RelatedHit = z.infer<typeof relatedHitSchema>;

/** Related articles, most similar first; never the article, its versions or trashed ones. */
export const relatedResultSchema = z.object({ hits: z.array(relatedHitSchema) });
export type RelatedResult = z.infer<typeof relatedResultSchema>;
