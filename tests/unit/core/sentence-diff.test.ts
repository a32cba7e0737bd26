// Sentence-by-sentence comparison of two versions (text/sentence-diff.ts).
import { describe, expect, it } from 'vitest';
import { diffSentences, splitSentences } from '../../../main/core/text/sentence-diff';

const kinds = (base: string, other: string, language?: string) =>
  diffSentences(base, other, language).segments.map((s) => [s.kind, s.text.trim()]);

describe('splitSentences', () => {
  it('cuts at sentence ends and paragraph breaks, keeping the spaces with the sentence before', () => {
    const text = 'One two. Three four?\n\nFive six! Seven';
    const parts = splitSentences(text);
    expect(parts.map((s) => s.key)).toEqual(['One two.', 'Three four?', 'Five six!', 'Seven']);
    expect(parts.map((s) => s.text).join('')).toBe(text);
  });

  it('splits a long one-line text in time, the same as it would whole', () => {
    // Many sentences on one line: V8's segmenter is quadratic in the length of what it is given.
    const sentences = Array.from({ length: 5000 }, (_, i) => `Line ${i} tells of item ${i * 7}.`);
    const text = sentences.join(' ');
    const started = performance.now();
    const parts = splitSentences(text, 'en');
    expect(performance.now() - started).toBeLessThan(2500);
    expect(parts.map((s) => s.key)).toEqual(sentences);
    expect(parts.map((s) => s.text).join('')).toBe(text);
  });

  it('keeps a sentence longer than a piece whole when both versions write it alike', () => {
    const long = `A ${'very '.repeat(400)}long sentence.`;
    const diff = diffSentences(`Before. ${long} After.`, `Before. ${long} After. Added.`);
    expect(diff.segments.map((s) => s.kind)).toEqual(['same', 'added']);
  });

  it('follows the rules of other scripts', () => {
    expect(splitSentences('قال الوزير. هل هذا صحيح؟ نعم.', 'ar')).toHaveLength(3);
    expect(splitSentences('今日は晴れ。明日は雨。', 'ja')).toHaveLength(2);
    // An unknown or "und" language falls back to the default rules.
    expect(splitSentences('A b. C d.', 'und')).toHaveLength(2);
  });
});

describe('diffSentences', () => {
  it('marks a sentence only the other version has as added, one it lacks as removed', () => {
    const base = 'Alpha one. Beta two. Gamma three.\n\nDelta four.';
    const other = 'Alpha one. Gamma three. Epsilon five.\n\nDelta four.';
    expect(kinds(base, other)).toEqual([
      ['same', 'Alpha one.'],
      ['removed', 'Beta two.'],
      ['same', 'Gamma three.'],
      ['added', 'Epsilon five.'],
      ['same', 'Delta four.'],
    ]);
    const diff = diffSentences(base, other);
    expect([diff.added, diff.removed, diff.coarse]).toEqual([1, 1, false]);
  });

  it('treats a sentence with one word edited as one removed and one added', () => {
    const diff = diffSentences('The cat sat. It slept.', 'The dog sat. It slept.');
    expect(diff.segments.map((s) => s.kind)).toEqual(['removed', 'added', 'same']);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });

  it('ignores where spaces and paragraph breaks fall, and keeps the base text as written', () => {
    const base = 'First  line  wrapped. Second.';
    const diff = diffSentences(base, 'First line wrapped.\n\nSecond.');
    expect(diff.segments).toEqual([{ kind: 'same', text: base }]);
  });

  it('keeps a sentence that ends one text apart from one the other adds', () => {
    const diff = diffSentences('End.', 'End. More.');
    expect(diff.segments.map((s) => s.text).join('')).toBe('End. More.');
  });

  it('compares identical and empty texts', () => {
    expect(diffSentences('', '').segments).toEqual([]);
    expect(kinds('', 'New.')).toEqual([['added', 'New.']]);
    expect(diffSentences('Same. Text.', 'Same. Text.').added).toBe(0);
  });
});
