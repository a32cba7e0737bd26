// Highlights are found again after the clean text changes: by position, by quote and context,
// approximately, or not at all (orphaned), never in the wrong place.
import { describe, expect, it } from 'vitest';
import { anchorRange, describeRange } from '../../../main/core/annotations/anchor';

const TEXT = [
  'The finance minister presented the budget on Tuesday.',
  'Critics said the budget cut spending on schools and hospitals.',
  'The budget passed its first reading late at night.',
].join('\n\n');

/** The selectors of the first occurrence of `passage` (after `from`) in TEXT. */
function select(passage: string, text = TEXT, from = 0) {
  const start = text.indexOf(passage, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeRange(text, start, start + passage.length);
}

const placed = (text: string, sel: ReturnType<typeof select>): string | null => {
  const at = anchorRange(text, sel[0], sel[1]);
  return at && text.slice(at.start, at.end);
};

describe('anchoring highlights', () => {
  it('keeps the quote, context and position', () => {
    const [quote, position] = select('cut spending on schools');
    expect(quote.exact).toBe('cut spending on schools');
    expect(quote.prefix).toHaveLength(32);
    expect(quote.prefix.endsWith('.\n\nCritics said the budget ')).toBe(true);
    expect(quote.suffix.startsWith(' and hospitals.')).toBe(true);
    expect(position.end - position.start).toBe(quote.exact.length);
  });

  it('places it where it was in the same text', () => {
    const sel = select('the budget on Tuesday');
    expect(anchorRange(TEXT, sel[0], sel[1])).toEqual({
      start: sel[1].start,
      end: sel[1].end,
    });
  });

  it('finds it when the text was re-cleaned with the paragraphs joined', () => {
    const sel = select('on Tuesday.\n\nCritics said');
    const joined = TEXT.replace(/\n\n/g, ' ');
    expect(placed(joined, sel)).toBe('on Tuesday. Critics said');
  });

  it('finds it after a word was inserted before it, and one inside it', () => {
    const sel = select('cut spending on schools and hospitals');
    const before = TEXT.replace('Critics said', 'Many critics said');
    expect(placed(before, sel)).toBe('cut spending on schools and hospitals');
    const inside = TEXT.replace('on schools and', 'on schools, roads and');
    expect(placed(inside, sel)).toBe('cut spending on schools, roads and hospitals');
  });

  it('tells a repeated quote apart by its context', () => {
    // "The budget" twice; the second is the one highlighted.
    const second = TEXT.indexOf('The budget passed');
    const sel = describeRange(TEXT, second, second + 'The budget'.length);
    // Moved: a sentence added at the start shifts every position.
    const moved = `Breaking news.\n\n${TEXT}`;
    const at = anchorRange(moved, sel[0], sel[1])!;
    expect(moved.slice(at.start, at.start + 'The budget passed'.length)).toBe('The budget passed');
  });

  it('anchors an Arabic quote', () => {
    const arabic =
      'قدم وزير المالية الميزانية يوم الثلاثاء.\n\nوقال المنتقدون إن الميزانية خفضت الإنفاق.';
    const sel = select('خفضت الإنفاق', arabic);
    const edited = arabic.replace('وقال المنتقدون', 'وقال بعض المنتقدين');
    expect(placed(edited, sel)).toBe('خفضت الإنفاق');
  });

  it('orphans a passage that is gone rather than moving it somewhere wrong', () => {
    const sel = select('schools and hospitals');
    const gone = TEXT.replace('Critics said the budget cut spending on schools and hospitals.', '');
    expect(anchorRange(gone, sel[0], sel[1])).toBeNull();
    // A short quote with a letter changed and no context left is not credible either.
    const word = select('Tuesday');
    const other = 'Meetings are held every Thursday at noon.';
    expect(anchorRange(other, word[0], word[1])).toBeNull();
  });
});
