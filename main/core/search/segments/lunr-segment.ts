// Lunr builds each segment: its inverted index and BM25 field vectors (with the trimmed
// pipeline: terms arrive analysed, no metadata). The weights are then read out into compact
// postings (postings.ts); scoring across segments uses global document frequencies.
import lunr from 'lunr';
import { FIELD_BOOST, FIELDS, type AnalyzedDoc, type FieldName } from '../analysis/analyzer';

/** The weights Lunr computes for a batch: its inverted index and BM25 field vectors. */
export interface LunrWeights {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/** Lunr's builder with the trimmed pipeline and the given fields (all of ours by default). */
function newBuilder(fields: readonly FieldName[] = FIELDS): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.ref('id');
  for (const f of fields) builder.field(f, { boost: FIELD_BOOST[f] });
  return builder;
}

/**
 * The fields some document of the batch has terms in. Lunr gives every declared field of
 * every document a field ref, a length, a term table and a vector, and every term an object
 * per field; notes, highlights and often tags and places are empty in a whole batch. Leaving
 * those out changes no weight: a field's average length counts only its own lengths, and a
 * term's idf counts the documents per field it occurs in (none in an empty field).
 */
function fieldsInUse(docs: readonly AnalyzedDoc[]): FieldName[] {
  const used = FIELDS.filter((f) => docs.some((d) => d.fields[f].length > 0));
  return used.length > 0 ? used : ['body'];
}

type Tokenizer = (terms: string[]) => unknown[];
const setTokenizer = (builder: lunr.Builder, tokenizer: Tokenizer): void => {
  (builder as unknown as { tokenizer: Tokenizer }).tokenizer = tokenizer;
};

/** Builds a whole Lunr index from documents whose fields are already term lists. */
export function buildLunrIndex(docs: AnalyzedDoc[]): lunr.Index {
  const builder = newBuilder();
  // Terms arrive analysed; Lunr's own tokenizer would lowercase and split them again.
  setTokenizer(builder, (terms) => terms.map((t) => new lunr.Token(t, {})));
  for (const d of docs) builder.add({ id: d.id, ...d.fields });
  return builder.build();
}

/**
 * Lunr's build without its token set and Index object, which segments do not use (terms
 * are looked up in the compact postings): the BM25 weights only.
 *
 * Terms go in as the analysed strings themselves: with the pipeline empty and no metadata
 * kept, Lunr only uses a token as a property key, and a Token costs two objects and a
 * toString per occurrence (the same weights for ~8% less build CPU). Positions as refs
 * (integer keys) were tried and cost more: Lunr's idf lists each posting object's keys, which
 * V8 sorts for sparse integer keys.
 */
export function buildLunrWeights(docs: AnalyzedDoc[]): LunrWeights {
  const builder = newBuilder(fieldsInUse(docs)) as lunr.Builder & {
    calculateAverageFieldLengths(): void;
    createFieldVectors(): void;
  } & LunrWeights;
  setTokenizer(builder, (terms) => terms);
  for (const d of docs) builder.add({ id: d.id, ...d.fields });
  builder.calculateAverageFieldLengths();
  builder.createFieldVectors();
  return { invertedIndex: builder.invertedIndex, fieldVectors: builder.fieldVectors };
}

/** Lunr's idf formula, used with segment-local or global counts alike. */
export const idf = (docsWithTerm: number, docCount: number): number =>
  Math.log(1 + Math.abs((docCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5)));
