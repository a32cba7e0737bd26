// How many related articles are listed when no limit is given, without the schemas of
// related.ts, so that the command line's help can say it without loading zod.

/** Related articles listed when no limit is given. */
export const DEFAULT_RELATED_LIMIT = 10;
