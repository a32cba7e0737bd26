// Checks phrase candidates against the article text (Lunr stores no positions), with a
// small cache of tokenised documents so repeated queries do not reload the same articles.
import { FIELDS, stemLanguage, type FieldName } from './analyzer';
import type { PhraseClause } from './query-parser';
import { phraseStarts, tokenForms, wordMatcher } from './term-match';
import { tokenize } from './tokenizer';
import type { IndexDoc } from './types';

type FieldForms = Record<FieldName, ReadonlySet<string>[][]>;

const CACHE_LIMIT = 500;
const CONCURRENCY = 8;

function fieldForms(doc: IndexDoc): FieldForms {
  const lang = stemLanguage(doc.language);
  const langs = lang ? [lang] : [];
  const forms = (text: string): ReadonlySet<string>[] =>
    tokenize(text).map((t) => tokenForms(t, langs));
  return {
    title: [forms(doc.title)],
    body: [forms(doc.body)],
    // Each tag is its own run: a phrase must not span two tags.
    tags: doc.tags.map(forms),
    place: doc.place ? [forms(doc.place)] : [],
  };
}

export class PhraseChecker {
  private readonly cache = new Map<string, { rev: number; forms: FieldForms }>();

  constructor(private readonly loadDoc: (id: string) => Promise<IndexDoc | null>) {}

  /** The candidates whose fields hold the phrase's words next to each other, in order. */
  async verify(
    clause: PhraseClause,
    candidates: string[],
    languages: string[],
    revOf: (id: string) => number | undefined,
  ): Promise<Set<string>> {
    const words = clause.words.map((w) => wordMatcher(w, languages));
    const fields = clause.fields ?? FIELDS;
    const ok = new Set<string>();
    let next = 0;
    const run = async (): Promise<void> => {
      while (next < candidates.length) {
        const id = candidates[next++]!;
        const forms = await this.formsOf(id, revOf(id));
        if (forms && fields.some((f) => forms[f].some((run) => phraseStarts(run, words).length))) {
          ok.add(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, run));
    return ok;
  }

  private async formsOf(id: string, rev: number | undefined): Promise<FieldForms | null> {
    const hit = this.cache.get(id);
    if (hit && hit.rev === rev) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit.forms;
    }
    const doc = await this.loadDoc(id);
    if (!doc) return null;
    const forms = fieldForms(doc);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, { rev: doc.rev, forms });
    return forms;
  }

  /** Forgets cached texts (after upserts). */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.cache.delete(id);
  }
}
