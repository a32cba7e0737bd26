// OpenSearch (and Elasticsearch) export: an index mapping with one text field per language,
// analysed by that language's built-in analyzer, and the bulk-API lines of each article.
// docs/scale-out.md says how to load them and how our queries translate.
import type { ExportArticle } from './export-article';

/** The built-in analyzer of each language the app detects (ISO 639-1, as language.ts answers). */
export const LANGUAGE_ANALYZERS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  bg: 'bulgarian',
  bn: 'bengali',
  cs: 'czech',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  fa: 'persian',
  fr: 'french',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  ku: 'sorani',
  nl: 'dutch',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  th: 'thai',
  tr: 'turkish',
};

/** The suffix of the text fields of languages without a built-in analyzer. */
export const FALLBACK_SUFFIX = 'std';

/** The keyword normalizer that makes tags, collections and places match in any case. */
export const FOLDED_NORMALIZER = 'folded';

/** The index name the bulk lines name, unless the person picks another. */
export const DEFAULT_INDEX = 'archive-reader';

/** The suffix of the title_* and body_* fields an article of this language fills. */
export function languageSuffix(language: string): string {
  return Object.hasOwn(LANGUAGE_ANALYZERS, language) ? language : FALLBACK_SUFFIX;
}

/** The index mapping and settings: PUT /<index> with this body. */
export function openSearchMapping(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const textFields = [
    ...Object.entries(LANGUAGE_ANALYZERS),
    [FALLBACK_SUFFIX, 'standard'] as const,
  ];
  for (const [suffix, analyzer] of textFields) {
    properties[`title_${suffix}`] = { type: 'text', analyzer };
    properties[`body_${suffix}`] = { type: 'text', analyzer };
  }
  // Tags, collections and places match in any case here as in the app: a lower-casing
  // normalizer applies to what is indexed and to term queries alike.
  const folded = { type: 'keyword', normalizer: FOLDED_NORMALIZER };
  const keyword = { type: 'keyword' };
  Object.assign(properties, {
    tags: folded,
    collection: folded,
    place: folded,
    language: keyword,
    source_name: keyword,
    article_date: { type: 'date', format: 'strict_date' },
    imported_at: { type: 'date', format: 'strict_date_optional_time' },
    read: { type: 'boolean' },
    favourite: { type: 'boolean' },
    trashed: { type: 'boolean' },
    word_count: { type: 'integer' },
    notes: { type: 'text', analyzer: 'standard' },
    highlights: { type: 'text', analyzer: 'standard' },
  });
  return {
    settings: {
      analysis: {
        normalizer: { [FOLDED_NORMALIZER]: { type: 'custom', filter: ['lowercase'] } },
      },
    },
    // Strict: a document with a field the mapping does not name is refused, not guessed at.
    mappings: { dynamic: 'strict', properties },
  };
}

/** The two bulk-API lines (action, document) of one article, each without its newline. */
export function bulkLines(article: ExportArticle, index = DEFAULT_INDEX): [string, string] {
  const { meta } = article;
  const suffix = languageSuffix(meta.language);
  const notes = article.highlights.map((h) => h.note).filter((n) => n.trim() !== '');
  const doc: Record<string, unknown> = {
    [`title_${suffix}`]: meta.title,
    [`body_${suffix}`]: article.body,
    tags: meta.tags,
    collection: meta.collection ?? null,
    place: meta.place,
    language: meta.language,
    source_name: meta.sourceName,
    article_date: meta.articleDate,
    imported_at: meta.importedAt,
    read: meta.read,
    favourite: meta.favourite,
    trashed: meta.trashedAt !== null,
    word_count: meta.wordCount,
    notes,
    highlights: article.highlights.map((h) => h.exact),
  };
  return [JSON.stringify({ index: { _index: index, _id: meta.id } }), JSON.stringify(doc)];
}
