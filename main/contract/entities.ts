// People, organisations and places named in articles (docs/entities.md): an article's
// entities and the command line's list (the sidebar's facets: entity-facets.ts).
import { z } from './zod';

export const ENTITY_TYPES = ['person', 'organisation', 'place'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES, {
  error: `must be ${ENTITY_TYPES.join(', ')}`,
});
export type EntityType = z.infer<typeof entityTypeSchema>;

/** The entities of one article, each name once, most mentioned first. */
export const articleEntitiesSchema = z.object({
  /** People (English articles only). */
  people: z.array(z.string()),
  /** Organisations (English articles only). */
  organisations: z.array(z.string()),
  /** Places: from the text of English articles, and from datelines and a gazetteer in any language. */
  places: z.array(z.string()),
});
export type ArticleEntities = z.infer<typeof articleEntitiesSchema>;

/** One entity and the number of articles naming it. */
export const entityCountSchema = z.object({
  name: z.string(),
  type: entityTypeSchema,
  count: z.number().int().nonnegative(),
});
export type EntityCount = z.infer<typeof entityCountSchema>;

/** Every entity of the library (trash left out), most articles first. */
export const entityListSchema = z.object({ entities: z.array(entityCountSchema) });
export type EntityList = z.infer<typeof entityListSchema>;

export const entityListQuerySchema = z.strictObject({ type: entityTypeSchema.optional() });
export type EntityListQuery = z.infer<typeof entityListQuerySchema>;

/** Which facet key of the result holds a type. */
export const FACET_KEYS = {
  person: 'people',
  organisation: 'organisations',
  place: 'places',
} as const satisfies Record<EntityType, keyof ArticleEntities>;
