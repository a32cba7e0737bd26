import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { normaliseRanges, rangesWithin, renderHighlighted } from './highlight';

const marksOf = (nodes: ReturnType<typeof renderHighlighted>) => {
  const { container } = render(<p>{nodes}</p>);
  return { text: container.textContent, marks: [...container.querySelectorAll('mark')] };
};

describe('renderHighlighted', () => {
  it('wraps each range in a mark and keeps the text intact', () => {
    const { text, marks } = marksOf(
      renderHighlighted('The quick brown fox', [
        { start: 4, end: 9 },
        { start: 16, end: 19 },
      ]),
    );
    expect(text).toBe('The quick brown fox');
    expect(marks.map((m) => m.textContent)).toEqual(['quick', 'fox']);
    expect(marks.map((m) => m.dataset.match)).toEqual(['0', '1']);
  });

  it('merges overlapping and unsorted ranges and clips out-of-range ones', () => {
    const { text, marks } = marksOf(
      renderHighlighted('abcdefghij', [
        { start: 6, end: 20 },
        { start: 1, end: 3 },
        { start: 2, end: 5 },
        { start: -4, end: 0 },
      ]),
    );
    expect(text).toBe('abcdefghij');
    expect(marks.map((m) => m.textContent)).toEqual(['bcde', 'ghij']);
  });

  it('numbers marks from firstIndex and flags the current one', () => {
    const { marks } = marksOf(
      renderHighlighted(
        'one two three',
        [
          { start: 0, end: 3 },
          { start: 8, end: 13 },
        ],
        {
          firstIndex: 5,
          current: 6,
        },
      ),
    );
    expect(marks.map((m) => m.dataset.match)).toEqual(['5', '6']);
    expect(marks.map((m) => m.classList.contains('current'))).toEqual([false, true]);
  });

  it('renders markup-like text as text, never as HTML', () => {
    const { container } = render(
      <p>{renderHighlighted('<b>bold</b> & <i>x</i>', [{ start: 3, end: 7 }])}</p>,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<b>bold</b> & <i>x</i>');
    expect(container.querySelector('mark')?.textContent).toBe('bold');
  });

  it('handles right-to-left text and an empty range list', () => {
    const arabic = 'مرحبا بالعالم';
    const { text, marks } = marksOf(renderHighlighted(arabic, []));
    expect(text).toBe(arabic);
    expect(marks).toHaveLength(0);
    expect(marksOf(renderHighlighted(arabic, [{ start: 6, end: 13 }])).marks[0]?.textContent).toBe(
      'بالعالم',
    );
  });
});

describe('range helpers', () => {
  it('normaliseRanges drops empty ranges', () => {
    expect(
      normaliseRanges(
        [
          { start: 3, end: 3 },
          { start: 5, end: 2 },
        ],
        10,
      ),
    ).toEqual([]);
  });
  it('rangesWithin shifts ranges into a paragraph and clips at its edges', () => {
    expect(
      rangesWithin(
        [
          { start: 2, end: 6 },
          { start: 12, end: 14 },
          { start: 18, end: 30 },
        ],
        10,
        20,
      ),
    ).toEqual([
      { start: 2, end: 4 },
      { start: 8, end: 10 },
    ]);
  });
});
