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
 *
 * With `splitTags` (the default), a batch where some articles carry tags has its tags field
 * built by a builder of its own: see splitTagsWeights.
 */
export function buildLunrWeights(docs: AnalyzedDoc[], splitTags = true): LunrWeights {
  const used = fieldsInUse(docs);
  const others = used.filter((f) => f !== 'tags');
  if (!splitTags || others.length === used.length || others.length === 0) {
    const builder = filledBuilder(docs, used);
    builder.calculateAverageFieldLengths();
    builder.createFieldVectors();
    return { invertedIndex: builder.invertedIndex, fieldVectors: builder.fieldVectors };
  }
  return splitTagsWeights(docs, others);
}

type WeightsBuilder = lunr.Builder & {
  calculateAverageFieldLengths(): void;
  createFieldVectors(): void;
  documentCount: number;
  fieldLengths: Record<string, number>;
  averageFieldLength: Record<string, number>;
  termIndex: number;
  invertedIndex: Record<string, Posting>;
} & Pick<LunrWeights, 'fieldVectors'>;

/** Lunr's posting of a term: per field, the documents holding it; and the term's number. */
interface Posting {
  _index: number;
  [field: string]: object | number;
}

function filledBuilder(docs: readonly AnalyzedDoc[], fields: readonly FieldName[]): WeightsBuilder {
  const builder = newBuilder(fields) as WeightsBuilder;
  setTokenizer(builder, (terms) => terms);
  for (const d of docs) {
    const doc: Record<string, unknown> = { id: d.id };
    for (const f of fields) doc[f] = d.fields[f];
    builder.add(doc);
  }
  return builder;
}

type LunrIdf = (posting: Posting, documentCount: number) => number;
const lunrModule = lunr as unknown as { idf: LunrIdf };

/**
 * The weights of one builder over every field, made by two: one for the tags field, one for
 * the others. Lunr's cost grows with the fields a batch declares (every document gets a field
 * ref and a vector per field, every term an object per field), and a tags field in use (one
 * tagged article, or tagging rules at import) made a whole batch's build ~20% dearer.
 *
 * The weights are the same, bit for bit. Lunr weighs a term in a field by its frequency there,
 * the field's length against its average (over every document of the batch, as each builder
 * is given all of them), the field's boost and the term's idf over the batch. That idf counts
 * the documents holding the term in any field, so while the vectors are made, lunr.idf adds
 * the other builder's count for the terms both hold (the same formula, on the same count).
 */
function splitTagsWeights(docs: readonly AnalyzedDoc[], others: readonly FieldName[]): LunrWeights {
  const main = filledBuilder(docs, others);
  // Only the tagged documents: an untagged one has no tags vector to make (with tagging rules
  // about half a batch is untagged), and the two figures Lunr would count over all of them,
  // the documents and the tags field's average length, are set to the whole batch's below.
  const tags = filledBuilder(
    docs.filter((d) => d.fields.tags.length > 0),
    ['tags'],
  );
  const elsewhere = new Map<Posting, number>();
  for (const [term, posting] of Object.entries(tags.invertedIndex)) {
    const shared = main.invertedIndex[term];
    if (!shared) continue;
    elsewhere.set(shared, documentsWithTerm(posting));
    elsewhere.set(posting, documentsWithTerm(shared));
  }
  const lunrIdf = lunrModule.idf;
  lunrModule.idf = (posting, count) => {
    const more = elsewhere.get(posting);
    return more === undefined
      ? lunrIdf(posting, count)
      : idf(documentsWithTerm(posting) + more, count);
  };
  main.calculateAverageFieldLengths();
  tags.calculateAverageFieldLengths();
  // Lunr sums the field's lengths (whole numbers, so in any order exactly) and divides once by
  // the documents counted: the same division by the whole batch gives its figure bit for bit.
  let tagTerms = 0;
  for (const length of Object.values(tags.fieldLengths)) tagTerms += length;
  tags.averageFieldLength.tags = tagTerms / docs.length;
  tags.documentCount = docs.length;
  try {
    main.createFieldVectors();
    tags.createFieldVectors();
  } finally {
    lunrModule.idf = lunrIdf;
  }
  // The tags builder's terms numbered as the main builder numbers them (new ones after).
  const renumber: number[] = [];
  for (const [term, posting] of Object.entries(tags.invertedIndex)) {
    const into = (main.invertedIndex[term] ??= { _index: main.termIndex++ });
    renumber[posting._index] = into._index;
  }
  const fieldVectors = main.fieldVectors;
  for (const [ref, vector] of Object.entries(tags.fieldVectors)) {
    const elements = vector.elements;
    for (let k = 0; k < elements.length; k += 2) elements[k] = renumber[elements[k]!]!;
    fieldVectors[ref] = { elements };
  }
  return { invertedIndex: main.invertedIndex, fieldVectors };
}

/** What lunr.idf counts: the documents per field holding the term, summed over the fields. */
function documentsWithTerm(posting: Posting): number {
  let n = 0;
  for (const field in posting) {
    if (field !== '_index') n += Object.keys(posting[field] as object).length;
  }
  return n;
}

/** Lunr's idf formula, used with segment-local or global counts alike. */
export const idf = (docsWithTerm: number, docCount: number): number =>
  Math.log(1 + Math.abs((docCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5)));
