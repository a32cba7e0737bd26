// Names and titles (tags, collections, entities, the title sort) are put in order by one
// collation: case and accents aside, numbers by their value. Made on first use: the first Intl
// object costs a fresh process about 6 ms (ICU's data), and most command-line calls (a search,
// a list in import order) put no names in order (docs/benchmarks.md, "Cold command line").
let made: Intl.Collator | undefined;

/** The collator names and titles are ordered by. */
export function nameCollator(): Intl.Collator {
  return (made ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));
}
