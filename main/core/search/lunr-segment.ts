// One immutable Lunr index over a batch of analysed documents. Lunr is used as the data
// structure (inverted index, BM25 field vectors, token set); scoring across segments is done
// by the caller with global document frequencies, so segments only expose raw weights.
import lunr from 'lunr';
import { FIELD_BOOST, FIELDS, TAG_MARK, type AnalyzedDoc, type FieldName } from './analyzer';

// Static helpers @types/lunr leaves out.
const TokenSet = lunr.TokenSet as typeof lunr.TokenSet & {
  fromString(s: string): lunr.TokenSet;
  fromFuzzyString(s: string, editDistance: number): lunr.TokenSet;
};

type Posting = Record<string, Record<string, unknown>> & { _index: number };

interface LunrInternals {
  invertedIndex: Record<string, Posting>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenSet: lunr.TokenSet;
}

/** Builds a Lunr index from documents whose fields are already term lists. */
export function buildLunrIndex(docs: AnalyzedDoc[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.ref('id');
  for (const f of FIELDS) builder.field(f, { boost: FIELD_BOOST[f] });
  // Terms arrive analysed; Lunr's own tokenizer would lowercase and split them again.
  (builder as unknown as { tokenizer: (t: string[]) => lunr.Token[] }).tokenizer = (terms) =>
    terms.map((t) => new lunr.Token(t, {}));
  for (const d of docs) builder.add({ id: d.id, ...d.fields });
  return builder.build();
}

/** Lunr's idf formula, used with segment-local or global counts alike. */
export const idf = (docsWithTerm: number, docCount: number): number =>
  Math.log(1 + Math.abs((docCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5)));

function vectorValue(elements: number[], index: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2]!;
    if (at === index) return elements[mid * 2 + 1]!;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Read access to one Lunr index: term lookups, expansions and per-document weights. */
export class LunrSegmentIndex {
  private readonly inner: LunrInternals;
  private readonly dfCache = new Map<string, number>();

  constructor(readonly index: lunr.Index) {
    this.inner = index as unknown as LunrInternals;
  }

  static fromJSON(json: object): LunrSegmentIndex {
    return new LunrSegmentIndex(lunr.Index.load(json));
  }

  has(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.inner.invertedIndex, term);
  }

  /** Lunr's "documents with term": postings summed over fields. */
  docsWithTerm(term: string): number {
    let n = this.dfCache.get(term);
    if (n !== undefined) return n;
    n = 0;
    const posting = this.inner.invertedIndex[term];
    if (posting) {
      for (const f of FIELDS) {
        const p = posting[f];
        if (p) n += Object.keys(p).length;
      }
    }
    this.dfCache.set(term, n);
    return n;
  }

  /** Index terms starting with `prefix`. */
  expandPrefix(prefix: string): string[] {
    return this.expand(TokenSet.fromString(prefix + '*'));
  }

  /** Index terms within `distance` edits of `word`. */
  expandFuzzy(word: string, distance: number): string[] {
    return this.expand(TokenSet.fromFuzzyString(word, distance));
  }

  private expand(set: lunr.TokenSet): string[] {
    return this.inner.tokenSet
      .intersect(set)
      .toArray()
      .filter((t) => !t.startsWith(TAG_MARK));
  }

  /**
   * Calls `visit(docId, weight)` for each document holding `term` in `fields`, with Lunr's
   * BM25 weight (segment-local idf, field boost included), summed over fields.
   */
  forEachPosting(
    term: string,
    fields: readonly FieldName[],
    visit: (docId: string, weight: number) => void,
  ): void {
    const posting = this.inner.invertedIndex[term];
    if (!posting) return;
    const termIndex = posting._index;
    for (const f of fields) {
      const docs = posting[f];
      if (!docs) continue;
      for (const docId of Object.keys(docs)) {
        const vector = this.inner.fieldVectors[`${f}/${docId}`];
        if (vector) visit(docId, vectorValue(vector.elements, termIndex));
      }
    }
  }
}
