// The colours a highlight may have, without their schema (highlights.ts), so that the command
// line's help can name them without loading zod.

/** The colours a highlight may have; the first is the default. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** The colour a highlight gets when none is asked for. */
export const DEFAULT_HIGHLIGHT_COLOR: (typeof HIGHLIGHT_COLORS)[number] = 'yellow';
