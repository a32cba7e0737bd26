// Runs of capitalised words in English text ("Tony Blair", "Bank of England", "Marsh &
// McLennan"): the candidates the entity rules classify. A run ends at punctuation, at a
// possessive ("Blair's" ends with "Blair") and before a lower-case word, except the small
// words names and organisations hold inside ("of", "and", "de", "bin").

/** One run of capitalised words and what surrounds it. */
export interface NameRun {
  /** The words as written, possessives and edge punctuation removed. */
  words: string[];
  /** The run opens a sentence (its first word may be capitalised only for that). */
  sentenceStart: boolean;
  /** The lower-cased word before the run and after it ("" at a sentence edge). */
  before: string;
  after: string;
  /** "(AIG)" right after the run: an acronym the text gives for it. */
  acronym: string | null;
}

// Words that join the capitalised parts of one name.
const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'the',
  '&',
  'on',
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ben',
]);

const OPENING = /^[("“‘'[«]+/u;
const CLOSING = /[)"”’'\]».,;:!?]+$/u;
const POSSESSIVE = /['’]s?$/u;
// "U.S.", "U.K.": a trailing stop that is part of the word, not the end of a sentence.
const INITIALS = /^(?:\p{Lu}\.){2,}$/u;
const ABBREVIATIONS = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'st.',
  'mt.',
  'gen.',
  'sen.',
  'rep.',
  'gov.',
  'lt.',
  'col.',
  'sgt.',
  'jr.',
  'sr.',
  'inc.',
  'co.',
  'corp.',
  'ltd.',
  'no.',
]);
const CAPITALISED_FIRST = /^\p{Lu}/u;
// A lower-case particle joined to a capitalised name: "al-Sudani", "el-Sisi", "bin-Salman",
// "d'Estaing", "l'Oréal". Such a word is part of a name as much as a capitalised one.
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|az|ud|ul|bin|ibn|bint|abd|abu|d|l)[-‐‑'’]\p{Lu}/u;
const CAPITALISED = {
  test: (w: string): boolean => CAPITALISED_FIRST.test(w) || PARTICLE_NAME.test(w),
};
const ACRONYM_IN_BRACKETS = /^\(\p{Lu}[\p{Lu}&]{1,7}\)[.,;:]?$/u;
const HAS_LETTER = /\p{L}/u;

interface Token {
  core: string;
  opens: boolean;
  closes: boolean;
  endsSentence: boolean;
  possessive: boolean;
}

function readToken(raw: string): Token {
  const opens = OPENING.test(raw);
  let core = raw.replace(OPENING, '');
  if (INITIALS.test(core) || ABBREVIATIONS.has(core.toLowerCase())) {
    return { core, opens, closes: false, endsSentence: false, possessive: false };
  }
  const tail = CLOSING.exec(core)?.[0] ?? '';
  core = core.slice(0, core.length - tail.length);
  let possessive = false;
  if (POSSESSIVE.test(core) && core.length > 2 && CAPITALISED.test(core)) {
    core = core.replace(POSSESSIVE, '');
    possessive = true;
  }
  const inner = CLOSING.exec(core)?.[0] ?? '';
  if (inner) core = core.slice(0, core.length - inner.length);
  const all = tail + inner;
  return {
    core,
    opens,
    closes: all !== '' || possessive,
    endsSentence: /[.!?:]/u.test(all),
    possessive,
  };
}

/** Every run of capitalised words in `text`, in order. */
export function findNameRuns(text: string): NameRun[] {
  const runs: NameRun[] = [];
  for (const line of text.split(/\n+/u)) {
    const raw = line.split(/\s+/u).filter((t) => t !== '');
    const tokens = raw.map(readToken);
    let sentenceStart = true;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      const startsSentence = sentenceStart || t.opens;
      if (!CAPITALISED.test(t.core) || !HAS_LETTER.test(t.core)) {
        sentenceStart = t.endsSentence;
        i++;
        continue;
      }
      const words = [t.core];
      let j = i;
      while (!tokens[j]!.closes && j + 1 < tokens.length) {
        const next = tokens[j + 1]!;
        if (next.opens) break;
        if (CAPITALISED.test(next.core) && HAS_LETTER.test(next.core)) {
          words.push(next.core);
          j++;
          continue;
        }
        // A joining word counts only between two capitalised words.
        const after = tokens[j + 2];
        if (
          CONNECTORS.has(next.core.toLowerCase()) &&
          !next.closes &&
          after &&
          !after.opens &&
          CAPITALISED.test(after.core)
        ) {
          words.push(next.core, after.core);
          j += 2;
          continue;
        }
        break;
      }
      const last = tokens[j]!;
      const acronym = ACRONYM_IN_BRACKETS.test(raw[j + 1] ?? '') ? tokens[j + 1]!.core : null;
      runs.push({
        words,
        sentenceStart: startsSentence,
        before: i > 0 ? tokens[i - 1]!.core.toLowerCase() : '',
        after: last.closes || j + 1 >= tokens.length ? '' : tokens[j + 1]!.core.toLowerCase(),
        acronym,
      });
      sentenceStart = last.endsSentence;
      i = j + 1;
    }
  }
  return runs;
}
