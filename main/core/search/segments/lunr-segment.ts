// Lunr builds each segment: its inverted index and BM25 field vectors (with the trimmed
// pipeline: terms arrive analysed, no metadata). The weights are then read out into compact
// postings (postings.ts); scoring across segments uses global document frequencies.
import lunr from 'lunr';
import { FIELD_BOOST, FIELDS, type AnalyzedDoc } from '../analysis/analyzer';

/** The weights Lunr computes for a batch: its inverted index and BM25 field vectors. */
export interface LunrWeights {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

function builderFor(docs: AnalyzedDoc[]): lunr.Builder {
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
  return builder;
}

/** Builds a whole Lunr index from documents whose fields are already term lists. */
export function buildLunrIndex(docs: AnalyzedDoc[]): lunr.Index {
  return builderFor(docs).build();
}

/**
 * Lunr's build without its token set and Index object, which segments do not use (terms
 * are looked up in the compact postings): the BM25 weights only.
 */
export function buildLunrWeights(docs: AnalyzedDoc[]): LunrWeights {
  const builder = builderFor(docs) as lunr.Builder & {
    calculateAverageFieldLengths(): void;
    createFieldVectors(): void;
  } & LunrWeights;
  builder.calculateAverageFieldLengths();
  builder.createFieldVectors();
  return { invertedIndex: builder.invertedIndex, fieldVectors: builder.fieldVectors };
}

/** Lunr's idf formula, used with segment-local or global counts alike. */
export const idf = (docsWithTerm: number, docCount: number): number =>
  Math.log(1 + Math.abs((docCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5)));
