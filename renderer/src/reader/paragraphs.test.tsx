// The reader's split of the clean body (format 2): one paragraph per block, kept lines inside.
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs';

describe('splitParagraphs', () => {
  it('gives one paragraph per block, keeping the lines of a kept block together', () => {
    const body = 'First paragraph, joined.\n\n- one\n- two\n\n    Shr 1.06 vs 98 cts\nNet 5 vs 4';
    const got = splitParagraphs(body);
    expect(got.map((p) => p.text)).toEqual([
      'First paragraph, joined.',
      '- one\n- two',
      '    Shr 1.06 vs 98 cts\nNet 5 vs 4',
    ]);
    // Offsets point into the body, so match ranges map onto the right text.
    for (const p of got) expect(body.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('skips empty blocks and stray blank lines', () => {
    const body = '\n\nA\n\n\n\nB\n \n\nC';
    const got = splitParagraphs(body);
    expect(got.map((p) => p.text)).toEqual(['A', 'B\n ', 'C']);
    for (const p of got) expect(body.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
});
