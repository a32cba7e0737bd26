// One article as a Markdown file of its own: YAML front matter (title, place, dates, language,
// tags, collection, source), the clean text, then its highlights and notes.
import type * as Yaml from 'yaml';
import type { ExportArticle } from './export-article';
import { highlightsSection } from './markdown';
import { lazyPackage } from '../lazy-package';

const yamlPackage = lazyPackage<typeof Yaml>('yaml');

/** The front matter's fields, in the order they are written. */
export function frontMatterOf(a: ExportArticle): Record<string, unknown> {
  const { meta } = a;
  return {
    title: meta.title,
    id: meta.id,
    place: meta.place,
    date: meta.articleDate,
    imported: meta.importedAt,
    language: meta.language,
    tags: meta.tags,
    collection: meta.collection ?? null,
    source: meta.sourcePath ?? meta.sourceName,
  };
}

/**
 * The whole file. Every string is double-quoted, so no reader (YAML 1.1 or 1.2) takes a title
 * such as "yes", "null" or "2024-01-01" for a boolean, a null or a date.
 */
export function markdownFile(a: ExportArticle): string {
  const yaml = yamlPackage().stringify(frontMatterOf(a), {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
  const parts = [`---\n${yaml}---`, a.body.trim()];
  const section = highlightsSection(a.highlights);
  if (section !== '') parts.push(section);
  return `${parts.join('\n\n')}\n`;
}
