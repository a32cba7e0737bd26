// What each word of a phrase clause may match in the index: any form of its stems, or, for a
// quoted phrase, the word as written (word-form.ts).
import { exactVariants, expandWord } from '../analysis/analyzer';
import { anyForm, type WordVariant } from '../analysis/word-form';
import type { PhraseClause } from './query-parser';

/** Per word of the phrase, the index terms (and forms) it matches under `languages`. */
export function phraseVariants(c: PhraseClause, languages: Iterable<string>): WordVariant[][] {
  const langs = [...languages];
  return c.words.map((w) => (c.exact ? exactVariants(w, langs) : anyForm(expandWord(w, langs))));
}
