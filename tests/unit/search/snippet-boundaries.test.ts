// Snippets start and end at word boundaries, even when the word before the first match (or
// after the last) is what the window cut into.
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../main/core/search/query/snippet';

const rangeOf = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe('snippet boundaries', () => {
  it('never starts or ends inside a word', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
    const filler = Array.from({ length: 40 }, (_, i) => words[i % words.length]).join(' ');
    for (const cut of [8, 9, 10, 11, 12, 13, 14, 20, 24, 30, 41]) {
      const text = `${filler} we will call phones sold today ${filler}`;
      const { snippet, matches } = makeSnippet(text, [rangeOf(text, 'phones')], cut);
      const inner = snippet.replace(/^…/u, '').replace(/…$/u, '');
      const tokens = inner.split(' ');
      for (const t of tokens) expect(text.split(/\s+/u), `${cut}: "${snippet}"`).toContain(t);
      expect(matches.map((m) => snippet.slice(m.start, m.end))).toEqual(['phones']);
    }
  });
});

describe('snippet of one long word', () => {
  it('cuts a word longer than the window rather than showing nothing', () => {
    const text = `start ${'x'.repeat(500)} end`;
    const { snippet } = makeSnippet(
      text,
      [
        { start: 0, end: 5 },
        { start: 507, end: 510 },
      ],
      40,
    );
    expect(snippet.replace(/…/gu, '').length).toBeGreaterThan(0);
  });
});
