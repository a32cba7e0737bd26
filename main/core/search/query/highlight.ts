// Ranges of a text that a parsed query's positive words and phrases match.
import type { TextRange } from '../../../contract/types';
import type { Clause } from './query-parser';
import {
  exactMatcher,
  textLanguages,
  tokenForms,
  tokenMatches,
  wordMatcher,
  type WordMatcher,
} from '../analysis/term-match';
import { analyseRaw, rawWords } from '../analysis/tokenizer';

/** The query's words to look for: term clauses alone, and phrases as runs of words. */
interface Plan {
  matchers: WordMatcher[];
  /** Indexes into `matchers` of the term clauses. */
  terms: number[];
  /** Per phrase, indexes into `matchers` of its words in order. */
  phrases: number[][];
  /** Raw word → which matchers it satisfies (null: not a word at all). */
  verdicts: Map<string, Uint8Array | null>;
}

// A search highlights the same query in every hit of its page (title and body each), and
// those texts share most of their words: each raw word is analysed, stemmed and compared
// once per query and language set instead of once per occurrence.
const PLAN_LIMIT = 4;
const VERDICT_LIMIT = 30_000;
const plans = new Map<string, Plan>();

function planFor(positive: Clause[], langs: string[], queryLangs: string[]): Plan {
  const key = `${langs.join(',')}\u0001${queryLangs.join(',')}\u0001${JSON.stringify(positive)}`;
  let plan = plans.get(key);
  if (plan) return plan;
  const matchers: WordMatcher[] = [];
  const terms: number[] = [];
  const phrases: number[][] = [];
  for (const c of positive) {
    if (c.kind === 'term') {
      terms.push(matchers.push(wordMatcher(c.word, queryLangs, c.prefix, c.fuzzy)) - 1);
    } else if (c.kind === 'phrase') {
      const matcher = (w: string) => (c.exact ? exactMatcher(w) : wordMatcher(w, queryLangs));
      phrases.push(c.words.map((w) => matchers.push(matcher(w)) - 1));
    }
  }
  plan = { matchers, terms, phrases, verdicts: new Map() };
  if (plans.size >= PLAN_LIMIT) plans.delete(plans.keys().next().value!);
  plans.set(key, plan);
  return plan;
}

function verdict(plan: Plan, raw: string, langs: string[]): Uint8Array | null {
  let v = plan.verdicts.get(raw);
  if (v !== undefined) return v;
  const a = analyseRaw(raw);
  if (a) {
    const token = { start: 0, end: 0, term: a.term, parts: a.parts };
    const forms = tokenForms(token, langs);
    v = Uint8Array.from(plan.matchers, (m) => (tokenMatches(token, forms, m) ? 1 : 0));
  } else v = null;
  if (plan.verdicts.size >= VERDICT_LIMIT) plan.verdicts.clear();
  plan.verdicts.set(raw, v);
  return v;
}

/** Match ranges for `clauses` in `text` (sorted, non-overlapping). */
export function highlightClauses(
  clauses: Clause[],
  text: string,
  language: string | undefined,
  indexLanguages: string[],
): TextRange[] {
  const positive = clauses.filter(
    (c) =>
      c.presence !== 'prohibited' &&
      c.kind !== 'tag' &&
      c.kind !== 'has' &&
      c.kind !== 'collection' &&
      c.kind !== 'date' &&
      c.kind !== 'name',
  );
  if (positive.length === 0 || !text) return [];
  const langs = textLanguages(language, indexLanguages);
  const queryLangs = [...new Set([...indexLanguages, ...langs])];
  const plan = planFor(positive, langs, queryLangs);
  const starts: number[] = [];
  const ends: number[] = [];
  const seen: Uint8Array[] = [];
  for (const w of rawWords(text)) {
    const v = verdict(plan, w.text, langs);
    if (!v) continue;
    starts.push(w.index);
    ends.push(w.index + w.text.length);
    seen.push(v);
  }
  const hit = new Uint8Array(seen.length);
  for (let i = 0; i < seen.length; i++) {
    for (const m of plan.terms) if (seen[i]![m]) hit[i] = 1;
  }
  for (const words of plan.phrases) {
    for (let i = 0; i + words.length <= seen.length; i++) {
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = seen[i + k]![words[k]!] === 1;
      if (ok) hit.fill(1, i, i + words.length);
    }
  }
  const ranges: TextRange[] = [];
  for (let i = 0; i < seen.length; i++) {
    if (!hit[i]) continue;
    const last = ranges[ranges.length - 1];
    // Ideographs are one token each: join adjacent hits into one range.
    if (last && last.end === starts[i]) last.end = ends[i]!;
    else ranges.push({ start: starts[i]!, end: ends[i]! });
  }
  return ranges;
}
