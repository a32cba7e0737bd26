// Highlights and search matches drawn together: matches keep their numbering and stay whole,
// highlights are split around them, overlapping highlights show the shorter on top, a
// highlight across paragraphs is drawn in each, and the text itself is never changed.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight, HighlightColor } from '../../../main/contract/highlights';
import { fakeArticle } from '../app/fake-main';
import { countBodyMarks, ReaderBody } from '../reader/ReaderBody';
import { highlightSpansWithin, renderMarked, type HighlightSpan } from './marks';

afterEach(cleanup);

const span = (id: string, start: number, end: number, color: HighlightColor = 'yellow') =>
  ({ id, start, end, color, note: false }) satisfies HighlightSpan;

function draw(nodes: ReturnType<typeof renderMarked>) {
  const { container } = render(<p>{nodes}</p>);
  return container.querySelector('p')!;
}

describe('renderMarked', () => {
  const text = 'alpha beta gamma delta epsilon';

  it('draws a highlight overlapping a match without splitting the match', () => {
    // Match "beta gamma" (6..16); highlight "gamma delta" (11..22).
    const p = draw(renderMarked(text, [{ start: 6, end: 16 }], [span('h1', 11, 22, 'blue')]));
    expect(p.textContent).toBe(text);
    const matches = p.querySelectorAll('mark.match');
    expect(matches).toHaveLength(1);
    expect(matches[0]!.textContent).toBe('beta gamma');
    expect(matches[0]!.getAttribute('data-match')).toBe('0');
    const pieces = [...p.querySelectorAll('mark.hl')];
    expect(pieces.map((m) => m.textContent)).toEqual(['gamma', ' delta']);
    expect(pieces.every((m) => m.getAttribute('data-highlight') === 'h1')).toBe(true);
    expect(pieces.every((m) => m.classList.contains('hl-blue'))).toBe(true);
    // The first piece lies inside the match, the second after it.
    expect(pieces[0]!.parentElement).toBe(matches[0]);
    expect(pieces[1]!.parentElement).toBe(p);
  });

  it('numbers matches from firstIndex and marks the current one', () => {
    const p = draw(
      renderMarked(
        text,
        [
          { start: 0, end: 5 },
          { start: 23, end: 30 },
        ],
        [span('h1', 0, 30)],
        { firstIndex: 4, current: 5 },
      ),
    );
    const matches = [...p.querySelectorAll('mark.match')];
    expect(matches.map((m) => m.getAttribute('data-match'))).toEqual(['4', '5']);
    expect(matches[1]!.classList.contains('current')).toBe(true);
    expect(p.querySelectorAll('mark.hl')).toHaveLength(3);
    expect(p.textContent).toBe(text);
  });

  it('shows the shorter of two overlapping highlights on top', () => {
    const p = draw(renderMarked(text, [], [span('long', 0, 30), span('short', 6, 10, 'pink')]));
    const pieces = [...p.querySelectorAll('mark.hl')].map((m) => [
      m.textContent,
      m.getAttribute('data-highlight'),
    ]);
    expect(pieces).toEqual([
      ['alpha ', 'long'],
      ['beta', 'short'],
      [' gamma delta epsilon', 'long'],
    ]);
  });

  it('gives text without marks back unchanged', () => {
    expect(draw(renderMarked(text, [], [])).innerHTML).toBe(text);
    expect(draw(renderMarked('', [], [])).textContent).toBe('');
  });
});

describe('highlights in the reader body', () => {
  const body = 'First paragraph here.\n\nSecond paragraph here.\n\nThird one.';
  const placed = (start: number, end: number, note = ''): Highlight => ({
    id: `${'0'.repeat(15)}1-0000000a`,
    articleId: `${'0'.repeat(15)}1`,
    exact: body.slice(start, end),
    note,
    color: 'purple',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    start,
    end,
    orphaned: false,
  });

  it('draws a highlight across paragraphs in each paragraph it covers', () => {
    const start = body.indexOf('here.');
    const end = body.indexOf('Third') + 'Third'.length;
    const article = fakeArticle(1, { body, highlights: [placed(start, end, 'why')] });
    render(<ReaderBody article={article} showOriginal={false} currentMatch={-1} />);
    const marks = [...document.querySelectorAll('.article-body mark.hl')];
    expect(marks.map((m) => m.textContent)).toEqual(['here.', 'Second paragraph here.', 'Third']);
    expect(new Set(marks.map((m) => m.closest('p')))).toHaveProperty('size', 3);
    expect(marks.every((m) => m.hasAttribute('data-note'))).toBe(true);
    // Each paragraph says where it starts in the body.
    const starts = [...document.querySelectorAll('.article-body p')].map((p) =>
      p.getAttribute('data-start'),
    );
    expect(starts).toEqual(['0', String(body.indexOf('Second')), String(body.indexOf('Third'))]);
  });

  it('leaves orphaned highlights out of the text and match counting unchanged', () => {
    const orphan = { ...placed(0, 5), start: null, end: null, orphaned: true };
    const matches = [{ start: body.indexOf('Second'), end: body.indexOf('Second') + 6 }];
    const article = fakeArticle(1, { body, matches, highlights: [orphan, placed(0, 30)] });
    render(<ReaderBody article={article} showOriginal={false} currentMatch={0} />);
    expect(countBodyMarks(article)).toBe(1);
    expect(document.querySelectorAll('mark.match.current')).toHaveLength(1);
    expect(document.querySelector('.article-body')!.textContent).toBe(
      'First paragraph here.Second paragraph here.Third one.',
    );
  });

  it('notes that the formatted Markdown view does not draw highlights', () => {
    const article = fakeArticle(1, {
      body,
      sourceName: 'notes.md',
      highlights: [placed(0, 5)],
    });
    render(<ReaderBody article={article} showOriginal={false} currentMatch={-1} formatted />);
    expect(document.querySelector('.hl-formatted-note')?.textContent).toMatch(/turn off Formatted/);
    expect(document.querySelectorAll('mark.hl')).toHaveLength(0);
  });

  it('clips spans to the paragraph they fall in', () => {
    expect(highlightSpansWithin([placed(5, 30)], 23, 45)).toEqual([
      { id: placed(0, 1).id, color: 'purple', note: false, start: 0, end: 7 },
    ]);
  });
});
