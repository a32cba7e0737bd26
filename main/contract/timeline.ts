// The timeline above the list: articles of a view or a search counted by their own date.
import { z } from './zod';
import { LIMITS } from './limits';
import { isoDaySchema } from './date-range';
import { tagReferenceSchema } from './tag-name';
import { libraryViewSchema, queryTextSchema } from './types';

/** How wide one bar is: a day (short ranges), a month, or a year (very long ones). */
export const TIMELINE_UNITS = ['day', 'month', 'year'] as const;
export type TimelineUnit = (typeof TIMELINE_UNITS)[number];

/** A span of at most this many days is counted by day. */
export const TIMELINE_DAYS_UP_TO = 92;
/** A span of at most this many months is counted by month; a longer one by year. */
export const TIMELINE_MONTHS_UP_TO = 600;

/** What the timeline counts: the articles the list shows for a view or a search. */
export const timelineQuerySchema = z.strictObject({
  view: libraryViewSchema.optional(),
  /** Articles must carry every tag named. */
  tags: z.array(tagReferenceSchema).max(LIMITS.tagsPerCall).optional(),
  place: z.string().max(LIMITS.facetLength).optional(),
  language: z.string().max(LIMITS.facetLength).optional(),
  collection: z.string().max(LIMITS.facetLength).optional(),
  /** A search query: the timeline counts its hits (blank or absent: the whole view). */
  query: queryTextSchema.optional(),
  /** Search the words as typed, or any of them (as the search shown does). */
  exact: z.boolean().optional(),
  anyWord: z.boolean().optional(),
  /** One version of each story, as a list hiding versions shows. */
  hideVersions: z.boolean().optional(),
  /** The range picked on the timeline (inclusive); the bars then span it. */
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

const count = z.number().int().nonnegative();

/** One bar: the days it covers (inclusive, ISO) and how many articles are dated within. */
export const timelineBucketSchema = z.object({
  from: z.string(),
  to: z.string(),
  count,
});
export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

/** Bars from the first dated article (or `from`) to the last (or `to`), with none left out. */
export const timelineSchema = z.object({
  unit: z.enum(TIMELINE_UNITS),
  buckets: z.array(timelineBucketSchema),
  /** Articles within the range counted in the bars. */
  dated: count,
  /** Articles of the view or search with no date of their own (never in the bars). */
  undated: count,
});
export type Timeline = z.infer<typeof timelineSchema>;
