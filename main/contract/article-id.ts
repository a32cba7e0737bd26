// The article id, on its own so that every contract module can use it without a cycle.
import { z } from './zod';

/** An article id: the first 16 hex digits of the SHA-256 of the original bytes. */
export const articleIdSchema = z
  .string({ error: 'must be an article id (16 lowercase hex digits)' })
  .regex(/^[0-9a-f]{16}$/, 'must be an article id (16 lowercase hex digits)');
export type ArticleId = z.infer<typeof articleIdSchema>;
