// The sidebar's People / Organisations / Places facets: counts over a view or a search.
import { z } from './zod';
import { LIMITS } from './limits';
import { libraryViewSchema, queryTextSchema } from './types';
import { tagReferenceSchema } from './tag-name';
import { isoDaySchema } from './date-range';

/** Facet entries one call returns per type, at most. */
export const FACET_TOP = 50;

const prefixSchema = z
  .string({ error: 'must be a string' })
  .max(LIMITS.facetLength, `must be at most ${LIMITS.facetLength} characters`);

/** What the facets count: the articles of a view, or of a search, as the list shows them. */
export const entityFacetsQuerySchema = z.strictObject({
  view: libraryViewSchema.optional(),
  /** Articles must carry every tag named. */
  tags: z.array(tagReferenceSchema).max(LIMITS.tagsPerCall).optional(),
  place: z.string().max(LIMITS.facetLength).optional(),
  language: z.string().max(LIMITS.facetLength).optional(),
  collection: z.string().max(LIMITS.facetLength).optional(),
  /** Articles dated within these days (inclusive), as the timeline picks them. */
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  /** A search query: the facets count its hits (blank or absent: the whole view). */
  query: queryTextSchema.optional(),
  /** Only names with a word starting with this (case and accents ignored). */
  prefix: prefixSchema.optional(),
  /** Entries per type, at most (default FACET_TOP). */
  limit: z.number().int().min(1).max(LIMITS.listLimit).optional(),
});
export type EntityFacetsQuery = z.infer<typeof entityFacetsQuerySchema>;

export const facetEntrySchema = z.object({ name: z.string(), count: z.number().int().positive() });
export type FacetEntry = z.infer<typeof facetEntrySchema>;

/** The facets: per type, the names most articles of the view or search carry, with counts. */
export const entityFacetsSchema = z.object({
  people: z.array(facetEntrySchema),
  organisations: z.array(facetEntrySchema),
  places: z.array(facetEntrySchema),
  /** Distinct names per type before the limit, so "N more" can be said. */
  totals: z.object({
    people: z.number().int().nonnegative(),
    organisations: z.number().int().nonnegative(),
    places: z.number().int().nonnegative(),
  }),
  /** Articles whose entities are still being extracted (after an import or an upgrade). */
  pending: z.number().int().nonnegative(),
});
export type EntityFacets = z.infer<typeof entityFacetsSchema>;
