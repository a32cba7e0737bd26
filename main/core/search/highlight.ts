// Ranges of a text that a parsed query's positive words and phrases match.
import type { TextRange } from '../types';
import type { Clause } from './query-parser';
import { formsMatch, phraseStarts, textLanguages, tokenForms, wordMatcher } from './term-match';
import { tokenize } from './tokenizer';

/** Match ranges for `clauses` in `text` (sorted, non-overlapping). */
export function highlightClauses(
  clauses: Clause[],
  text: string,
  language: string | undefined,
  indexLanguages: string[],
): TextRange[] {
  const positive = clauses.filter((c) => c.presence !== 'prohibited' && c.kind !== 'tag');
  if (positive.length === 0 || !text) return [];
  const langs = textLanguages(language, indexLanguages);
  const queryLangs = [...new Set([...indexLanguages, ...langs])];
  const tokens = tokenize(text);
  const forms = tokens.map((t) => tokenForms(t, langs));
  const hit = new Array<boolean>(tokens.length).fill(false);
  for (const c of positive) {
    if (c.kind === 'term') {
      const m = wordMatcher(c.word, queryLangs, c.prefix, c.fuzzy);
      forms.forEach((f, i) => {
        if (!hit[i] && formsMatch(f, m)) hit[i] = true;
      });
    } else if (c.kind === 'phrase') {
      const words = c.words.map((w) => wordMatcher(w, queryLangs));
      for (const s of phraseStarts(forms, words)) hit.fill(true, s, s + words.length);
    }
  }
  const ranges: TextRange[] = [];
  tokens.forEach((t, i) => {
    if (!hit[i]) return;
    const last = ranges[ranges.length - 1];
    // Ideographs are one token each: join adjacent hits into one range.
    if (last && last.end === t.start) last.end = t.end;
    else ranges.push({ start: t.start, end: t.end });
  });
  return ranges;
}
