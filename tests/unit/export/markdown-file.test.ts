// One article as a Markdown file: YAML front matter that any YAML reader reads back exactly.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { markdownFile } from '../../../main/core/export/markdown-file';
import type { ExportArticle } from '../../../main/core/export/export-article';

function exportArticle(title: string, over: Partial<ExportArticle['meta']> = {}): ExportArticle {
  return {
    meta: {
      id: '0123456789abcdef',
      title,
      place: 'KABUL',
      language: 'fa',
      wordCount: 3,
      readingMinutes: 1,
      encoding: 'UTF-8',
      sourceName: 'a.txt',
      sourcePath: '/archive/a.txt',
      collection: 'Desk: "foreign"',
      byteLength: 10,
      importedAt: '2024-01-02T03:04:05.000Z',
      articleDate: '2023-12-31',
      tags: ['yes', 'null', '#1'],
      read: false,
      favourite: false,
      position: 0,
      trashedAt: null,
      excerpt: '',
      ...over,
    },
    dateline: null,
    body: 'First paragraph.\n\nSecond paragraph.',
    original: new Uint8Array(),
    originalText: '',
    highlights: [
      {
        id: '0123456789abcdef-00000001',
        articleId: '0123456789abcdef',
        exact: 'Second paragraph.',
        note: 'Worth quoting',
        color: 'green',
        createdAt: '2024-02-01T00:00:00.000Z',
        updatedAt: '2024-02-01T00:00:00.000Z',
        start: 18,
        end: 35,
        orphaned: false,
      },
    ],
    storedHighlights: [],
  };
}

function frontMatter(text: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match, 'front matter').not.toBeNull();
  return parse(match![1]!);
}

describe('markdownFile', () => {
  it('writes front matter that parses back to the same values, whatever the title holds', () => {
    for (const title of [
      'yes',
      '2024-01-01',
      'a: b # c',
      '---',
      'It\'s "quoted"\nnext',
      'null',
      'عنوان',
    ]) {
      const fm = frontMatter(markdownFile(exportArticle(title)));
      expect(fm).toEqual({
        title,
        id: '0123456789abcdef',
        place: 'KABUL',
        date: '2023-12-31',
        imported: '2024-01-02T03:04:05.000Z',
        language: 'fa',
        tags: ['yes', 'null', '#1'],
        collection: 'Desk: "foreign"',
        source: '/archive/a.txt',
      });
    }
  });

  it('follows the front matter with the clean text, then the highlights and their notes', () => {
    const text = markdownFile(
      exportArticle('T', { place: null, collection: null, sourcePath: null }),
    );
    const fm = frontMatter(text) as Record<string, unknown>;
    expect(fm.place).toBeNull();
    expect(fm.collection).toBeNull();
    expect(fm.source).toBe('a.txt');
    const rest = text.replace(/^---\n[\s\S]*?\n---\n\n/, '');
    expect(rest.startsWith('First paragraph.\n\nSecond paragraph.\n\n## Highlights')).toBe(true);
    expect(rest).toContain('> Second paragraph.\n\nWorth quoting');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has no highlights section when there are none', () => {
    const a = exportArticle('T');
    a.highlights = [];
    expect(markdownFile(a)).not.toContain('## Highlights');
  });
});
