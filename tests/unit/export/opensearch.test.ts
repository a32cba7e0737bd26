// The OpenSearch export, checked without a server: the mapping against the shape
// docs/scale-out.md documents, and the bulk NDJSON line by line against the mapping.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_INDEX,
  LANGUAGE_ANALYZERS,
  languageSuffix,
} from '../../../main/core/export/opensearch';
import { tempDir } from '../core/tmp-dir';
import { exportFixture, type ExportFixture } from './export-fixture';

/** OpenSearch's built-in language analyzers (no plugin needed), and the standard one. */
const BUILT_IN_ANALYZERS = [
  'arabic',
  'armenian',
  'basque',
  'bengali',
  'brazilian',
  'bulgarian',
  'catalan',
  'czech',
  'danish',
  'dutch',
  'english',
  'estonian',
  'finnish',
  'french',
  'galician',
  'german',
  'greek',
  'hindi',
  'hungarian',
  'indonesian',
  'irish',
  'italian',
  'latvian',
  'lithuanian',
  'norwegian',
  'persian',
  'portuguese',
  'romanian',
  'russian',
  'sorani',
  'spanish',
  'swedish',
  'turkish',
  'thai',
  'standard',
] as const;

const field = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), analyzer: z.enum(BUILT_IN_ANALYZERS) }),
  z.strictObject({ type: z.literal('keyword'), normalizer: z.literal('folded').optional() }),
  z.strictObject({ type: z.literal('date'), format: z.string() }),
  z.strictObject({ type: z.literal('boolean') }),
  z.strictObject({ type: z.literal('integer') }),
]);
/** The mapping's documented shape (docs/scale-out.md). */
const mappingSchema = z.strictObject({
  settings: z.strictObject({
    analysis: z.strictObject({
      normalizer: z.record(
        z.string(),
        z.strictObject({ type: z.literal('custom'), filter: z.array(z.literal('lowercase')) }),
      ),
    }),
  }),
  mappings: z.strictObject({
    dynamic: z.literal('strict'),
    properties: z.record(z.string(), field),
  }),
});
const actionSchema = z.strictObject({
  index: z.strictObject({ _index: z.string().min(1), _id: z.string().regex(/^[0-9a-f]{16}$/) }),
});

describe('OpenSearch export', () => {
  let f: ExportFixture;
  let dir: string;

  beforeAll(async () => {
    const base = tempDir('ar-opensearch-');
    mkdirSync(join(base, 'out'));
    f = await exportFixture(base);
    dir = join(base, 'out', 'os');
    await f.lib.exportArticles({ format: 'opensearch', out: dir, scope: {} });
  }, 60_000);
  afterAll(async () => {
    await f.lib.close();
  });

  it('writes a bulk file and a mapping file', () => {
    expect(readdirSync(dir).sort()).toEqual(['bulk.ndjson', 'mapping.json']);
  });

  it('maps one text field per language with its built-in analyzer, keywords and dates', () => {
    const mapping = mappingSchema.parse(
      JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')),
    );
    const props = mapping.mappings.properties;
    expect(props.body_en).toEqual({ type: 'text', analyzer: 'english' });
    expect(props.body_ar).toEqual({ type: 'text', analyzer: 'arabic' });
    expect(props.body_fa).toEqual({ type: 'text', analyzer: 'persian' });
    expect(props.body_std).toEqual({ type: 'text', analyzer: 'standard' });
    for (const [lang, analyzer] of Object.entries(LANGUAGE_ANALYZERS)) {
      expect(props[`title_${lang}`]).toEqual({ type: 'text', analyzer });
    }
    for (const name of ['tags', 'collection', 'place']) {
      expect(props[name]).toEqual({ type: 'keyword', normalizer: 'folded' });
    }
    expect(mapping.settings.analysis.normalizer.folded).toBeDefined();
    expect(props.language).toEqual({ type: 'keyword' });
    expect(props.article_date?.type).toBe('date');
  });

  it('writes an action line with the article id as _id and a document the mapping accepts', () => {
    const mapping = mappingSchema.parse(
      JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')),
    );
    const props = mapping.mappings.properties;
    const text = readFileSync(join(dir, 'bulk.ndjson'), 'utf8');
    // The bulk API needs a newline after the last line.
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    // Outside the trash: four of the five articles.
    const expected = Object.entries(f.ids)
      .filter(([name]) => name !== 'con.txt')
      .map(([, id]) => id);
    expect(lines).toHaveLength(2 * expected.length);
    const ids: string[] = [];
    for (let i = 0; i < lines.length; i += 2) {
      const action = actionSchema.parse(JSON.parse(lines[i]!));
      expect(action.index._index).toBe(DEFAULT_INDEX);
      ids.push(action.index._id);
      const doc = z.record(z.string(), z.unknown()).parse(JSON.parse(lines[i + 1]!));
      for (const [name, value] of Object.entries(doc)) {
        const type = props[name]?.type;
        expect(type, `field ${name} is mapped`).toBeDefined();
        if (value === null) continue;
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) {
          if (type === 'text' || type === 'keyword') expect(typeof v).toBe('string');
          if (type === 'boolean') expect(typeof v).toBe('boolean');
          if (type === 'integer') expect(Number.isInteger(v)).toBe(true);
          if (type === 'date') expect(Number.isNaN(Date.parse(String(v)))).toBe(false);
        }
      }
    }
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('puts an article in the fields of its language, or the standard ones', () => {
    const lines = readFileSync(join(dir, 'bulk.ndjson'), 'utf8').trim().split('\n');
    const docs = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < lines.length; i += 2) {
      docs.set(JSON.parse(lines[i]!).index._id, JSON.parse(lines[i + 1]!));
    }
    const arabic = docs.get(f.ids['arabic.txt']!)!;
    expect(arabic.title_ar).toBe('الميزانية الجديدة');
    expect(arabic.tags).toEqual(['economy']);
    expect(languageSuffix('und')).toBe('std');
    expect(languageSuffix('toString')).toBe('std');
    const budget = docs.get(f.ids['desk/budget.txt']!)!;
    expect(budget.collection).toBe('desk');
    expect(budget.notes).toEqual(['Check the schools figure']);
  });
});
