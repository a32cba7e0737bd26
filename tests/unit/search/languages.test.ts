import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/core/search/query/query-parser';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import { normalizeWord } from '../../../main/core/search/analysis/normalize';
import { tokenize } from '../../../main/core/search/analysis/tokenizer';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

const terms = (text: string): string[] => tokenize(text).map((t) => t.term);

describe('tokenising scripts and spellings beyond the sample corpora', () => {
  it('splits Thai, Lao and Myanmar runs into dictionary words with exact offsets', () => {
    const text = 'ข่าว ภาษาไทยเป็นภาษาที่สวยงาม';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['ข่าว', 'ภาษา', 'ไทย', 'เป็น', 'ภาษา', 'ที่', 'สวยงาม']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.term);
    expect(terms('ພາສາລາວ').length).toBeGreaterThan(1);
  });

  it('folds Russian ё to е and drops Hebrew points', () => {
    expect(normalizeWord('Ёлка')).toBe(normalizeWord('елка'));
    expect(normalizeWord('всё')).toBe('все');
    expect(normalizeWord('й')).toBe('й');
    expect(normalizeWord('שָׁלוֹם')).toBe('שלום');
    expect(normalizeWord('בְּרֵאשִׁית')).toBe('בראשית');
  });

  it('keeps words whole across soft hyphens and makes no token of a lone emoji selector', () => {
    expect(terms('infor\u00ADmation')).toEqual(['information']);
    expect(terms('I ❤️ 🍕 pizza 👍🏽')).toEqual(['i', 'pizza']);
  });
});

describe('query syntax in non-Latin scripts', () => {
  it('reads a prefix star after ideographs as the characters themselves', () => {
    const [c] = parseQuery('東京*');
    expect(c).toMatchObject({ kind: 'phrase', words: ['東', '京'], source: '東京*' });
    expect(parseQuery('東*')[0]).toMatchObject({ kind: 'term', word: '東', prefix: false });
    expect(() => parseQuery('e*')).toThrow(/at least 2 letters/);
  });

  it('reads a Thai word typed without spaces as a phrase of its words', () => {
    expect(parseQuery('ภาษาไทย')[0]).toMatchObject({ kind: 'phrase', words: ['ภาษา', 'ไทย'] });
  });
});

describe('searching those languages', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const store = new MemoryStore([
      doc('th', { title: 'ข่าว', body: 'กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย', language: 'th' }),
      doc('ru', {
        title: 'Новости',
        body: 'Ёлка стояла в центре. Всё было красиво.',
        language: 'ru',
      }),
      doc('he', { title: 'חדשות', body: 'שָׁלוֹם לכולם', language: 'he' }),
      doc('ja', { title: '天気', body: '今日は東京で雨が降りました。', language: 'ja' }),
      doc('tr', { title: 'Haber', body: 'İstanbul bugün çok güzeldi.', language: 'tr' }),
      doc('ko', {
        title: '서울시, 새 정책 발표',
        body: '서울시는 버스와 지하철의 요금을 동결한다고 발표했다.',
        language: 'ko',
      }),
      doc('ko2', { title: '날씨', body: '요리 대회가 열렸다.', language: 'ko' }),
    ]);
    index = await openIndex(t.dir, store);
  });
  afterAll(async () => {
    await index.close();
    await cleanup();
  });
  const q = async (query: string): Promise<string[]> => ids(await index.search(query));

  it('finds Thai words inside an unspaced sentence, and highlights them', async () => {
    expect(await q('ประเทศไทย')).toEqual(['th']);
    expect(await q('เมืองหลวง')).toEqual(['th']);
    const text = 'กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย';
    const ranges = index.highlight('เมืองหลวง', text, 'th');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['เมืองหลวง']);
  });

  it('finds a Korean word with its particle or ending joined, and highlights the whole word', async () => {
    // 요금을 (the fare, as object), 지하철의 (of the subway), 발표했다 (announced).
    expect(await q('요금')).toEqual(['ko']);
    expect(await q('지하철')).toEqual(['ko']);
    expect(await q('발표')).toEqual(['ko']);
    expect(await q('요금을')).toEqual(['ko']);
    // One syllable is no stem: 요 (of 요금, 요리) is not searched inside words.
    expect(await q('요')).toEqual([]);
    const text = '버스와 지하철의 요금을 동결';
    const ranges = index.highlight('요금', text, 'ko');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['요금을']);
  });

  it('matches ё and е, pointed and unpointed Hebrew, 東京*, and İstanbul by istanbul', async () => {
    expect(await q('елка')).toEqual(['ru']);
    expect(await q('ёлка')).toEqual(['ru']);
    expect(await q('שלום')).toEqual(['he']);
    expect(await q('東京*')).toEqual(['ja']);
    expect(await q('istanbul')).toEqual(['tr']);
  });
});
