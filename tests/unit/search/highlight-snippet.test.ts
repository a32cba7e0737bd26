import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import { makeSnippet } from '../../../main/core/search/query/snippet';
import { doc, MemoryStore, openIndex, tempDir } from './helpers';

describe('highlight', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    index = await openIndex(t.dir, new MemoryStore([doc('a', { body: 'x' })]));
  });
  afterAll(async () => {
    await index.close();
    await cleanup();
  });
  const words = (query: string, text: string, lang = 'en'): string[] =>
    index.highlight(query, text, lang).map((r) => text.slice(r.start, r.end));

  it('highlights words under the same normalisation as search', () => {
    expect(words('iran', 'Iran’s talks with IRAN and Iranian')).toEqual(['Iran’s', 'IRAN']);
    expect(words('sudani', 'met al-Sudani today')).toEqual(['al-Sudani']);
    expect(words('cafe', 'a Café here')).toEqual(['Café']);
    expect(words('run', 'running and runs', 'en')).toEqual(['running', 'runs']);
    expect(words('مدرسه', 'إلى المدرسة', 'ar')).toEqual(['المدرسة']);
  });

  it('highlights phrases only where adjacent, prefixes and fuzzy words', () => {
    expect(words('"nuclear talks"', 'nuclear talks, talks nuclear, nuclear and talks')).toEqual([
      'nuclear',
      'talks',
    ]);
    expect(words('econ*', 'Economy and economics, not ecology')).toEqual(['Economy', 'economics']);
    expect(words('footbal~1', 'football and baseball')).toEqual(['football']);
  });

  it('skips excluded words and tags, and bad queries', () => {
    expect(words('iran -iraq tag:iran', 'Iran and Iraq')).toEqual(['Iran']);
    expect(index.highlight('x:y', 'anything')).toEqual([]);
  });

  it('keeps word verdicts apart per query and per text language', () => {
    // The same words are looked up for many texts of one query: nothing may leak between
    // languages (stems differ) or between queries.
    expect(words('مدرسه', 'إلى المدرسة', 'ar')).toEqual(['المدرسة']);
    expect(words('مدرسه', 'إلى المدرسة', 'en')).toEqual([]);
    expect(words('مدرسه', 'المدرسة إلى', 'ar')).toEqual(['المدرسة']);
    expect(words('talks', 'nuclear talks')).toEqual(['talks']);
    expect(words('nuclear', 'nuclear talks')).toEqual(['nuclear']);
    expect(words('"talks talks" nuclear', 'talks nuclear talks talks')).toEqual([
      'nuclear',
      'talks',
      'talks',
    ]);
  });

  it('joins adjacent ideographs into one range', () => {
    expect(words('東京', '私は東京都に', 'ja')).toEqual(['東京']);
  });
});

describe('makeSnippet', () => {
  const long = `${'Opening words of the article. '.repeat(20)}Here the nuclear talks begin and nuclear power is discussed. ${'Closing filler text. '.repeat(20)}`;
  const at = (word: string, from = 0): { start: number; end: number } => {
    const s = long.indexOf(word, from);
    return { start: s, end: s + word.length };
  };

  it('opens the text when there are no ranges', () => {
    const { snippet, matches } = makeSnippet(long, [], 60);
    expect(matches).toEqual([]);
    expect(snippet.startsWith('Opening words')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(61);
  });

  it('centres the densest cluster, cuts at word boundaries, re-bases ranges', () => {
    const first = at('nuclear');
    const second = at('nuclear', first.end);
    const lone = at('Closing', long.lastIndexOf('Closing'));
    const { snippet, matches } = makeSnippet(long, [lone, first, second], 100);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(matches).toHaveLength(2);
    for (const m of matches) expect(snippet.slice(m.start, m.end)).toBe('nuclear');
    // Cut at word boundaries: the text after the leading ellipsis starts a word.
    const inner = snippet.slice(1, -1);
    expect(long).toContain(inner);
    const pos = long.indexOf(inner);
    expect(pos === 0 || /\s/.test(long[pos - 1]!)).toBe(true);
    expect(/\s/.test(long[pos + inner.length] ?? ' ')).toBe(true);
  });

  it('collapses whitespace and keeps ranges on the right words', () => {
    const text = 'Alpha\n\n   beta   gamma\tdelta';
    const s = text.indexOf('gamma');
    const { snippet, matches } = makeSnippet(text, [{ start: s, end: s + 5 }], 240);
    expect(snippet).toBe('Alpha beta gamma delta');
    expect(snippet.slice(matches[0]!.start, matches[0]!.end)).toBe('gamma');
  });

  it('returns the whole short text unchanged apart from whitespace', () => {
    expect(makeSnippet('Short text.', [{ start: 0, end: 5 }])).toEqual({
      snippet: 'Short text.',
      matches: [{ start: 0, end: 5 }],
    });
  });
});
