// The people, organisations and places of one article. English text goes through the name
// rules (name-runs.ts, classify-run.ts, normalise-names.ts); text in any other language gives
// places only, from its dateline and the gazetteer, since no model of its names is at hand.
import type { ArticleEntities } from '../../contract/entities';
import { classifyRun, type Mention } from './classify-run';
import { gazetteerPlace } from './gazetteer';
import { findNameRuns } from './name-runs';
import { normaliseNames } from './normalise-names';
import { scanGazetteer } from './scan-gazetteer';

/** Raised whenever the rules change, so cached entities are extracted again. */
export const EXTRACTOR_VERSION = 2;

// Text mostly in capitals (old telex copy, shouted headlines) has no capitals to go by.
const MAX_CAPITALS = 0.5;

/** The entities of an article's title and clean body, each name once, most mentioned first. */
export function extractEntities(
  text: string,
  language: string,
  datelinePlace: string | null,
): ArticleEntities {
  const mentions: Mention[] = [];
  if (datelinePlace) mentions.push(datelineMention(datelinePlace));
  if (language === 'en' && capitalShare(text) <= MAX_CAPITALS) {
    mentions.push(...englishMentions(text));
  } else {
    for (const place of scanGazetteer(text, language !== 'ar' && language !== 'fa')) {
      mentions.push({ type: 'place', words: place.split(' ') });
    }
  }
  const out: ArticleEntities = { people: [], organisations: [], places: [] };
  for (const e of normaliseNames(mentions)) {
    const list =
      e.type === 'person' ? out.people : e.type === 'organisation' ? out.organisations : out.places;
    list.push(e.name);
  }
  return out;
}

// Datelines are often in capitals ("OSLO"); the place is named as in running text.
function datelineMention(place: string): Mention {
  const known = gazetteerPlace(place);
  const words = (known ?? place).split(/\s+/u).filter((w) => w !== '');
  const capitals = !known && place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  return {
    type: 'place',
    words: capitals ? words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()) : words,
  };
}

function englishMentions(text: string): Mention[] {
  const runs = findNameRuns(text);
  const none = new Set<string>();
  const first = runs.map((run) => classifyRun(run, none));
  // Surnames of people named in full: a lone "Brown" later is one of them, though the
  // lexicon knows the word as a colour.
  const surnames = new Set<string>();
  for (const list of first) {
    for (const m of list) {
      if (m.type === 'person' && m.words.length > 1 && !m.partial) {
        surnames.add(m.words[m.words.length - 1]!.toLowerCase());
      }
    }
  }
  const mentions: Mention[] = [];
  runs.forEach((run, i) => {
    const list = first[i]!;
    mentions.push(
      ...(list.length === 0 && run.words.length === 1 ? classifyRun(run, surnames) : list),
    );
  });
  return mentions;
}

function capitalShare(whole: string): number {
  // The opening is enough to tell, and counting a long text twice costs.
  const text = whole.slice(0, 4000);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(/\p{Lu}/gu)?.length ?? 0) / letters;
}
