// What compromise's English lexicon (24,000 words and phrases) knows a lower-cased word or
// phrase to be, in the few kinds the entity rules need. Only its lexicon is used, not its
// tagger: tagging a whole article cost 14 ms of CPU, the lexicon lookups a small fraction of it
// (docs/entities.md). Loaded once, on first use (about 0.4 s), never on the import's path.
import type Nlp from 'compromise/two';
import { z } from 'zod';
import { lazyPackage } from '../lazy-package';

const compromise = lazyPackage<typeof Nlp>('compromise/two');

export type WordKind =
  'first' | 'last' | 'person' | 'place' | 'organisation' | 'demonym' | 'calendar' | 'common';

const worldSchema = z.object({
  model: z.object({
    one: z.object({ lexicon: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }),
  }),
});

// The first tag that decides wins: a word that is a first name and a common word ("Will")
// counts as a name only when nothing commoner is known of it.
const KIND_OF_TAG: [string, WordKind][] = [
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Place', 'place'],
  ['Organization', 'organisation'],
  ['SportsTeam', 'organisation'],
  ['Person', 'person'],
  ['MaleName', 'first'],
  ['FemaleName', 'first'],
  ['FirstName', 'first'],
  ['LastName', 'last'],
  ['Demonym', 'demonym'],
  ['WeekDay', 'calendar'],
  ['Month', 'calendar'],
  ['Date', 'calendar'],
  ['Holiday', 'calendar'],
];

let lexicon: Map<string, WordKind> | null = null;

function load(): Map<string, WordKind> {
  const world = worldSchema.parse(compromise().world());
  const out = new Map<string, WordKind>();
  for (const [word, tag] of Object.entries(world.model.one.lexicon)) {
    const tags = typeof tag === 'string' ? [tag] : tag;
    const kind = KIND_OF_TAG.find(([t]) => tags.includes(t))?.[1] ?? 'common';
    out.set(word, kind);
  }
  return out;
}

/** What the lexicon knows a lower-cased word or phrase to be; undefined when unknown. */
export function wordKind(lower: string): WordKind | undefined {
  lexicon ??= load();
  return lexicon.get(lower);
}
