// The letters a one-edit spelling pass tries: the index's commonest of the typed word's script,
// counted per segment over its terms.
import { describe, expect, it } from 'vitest';
import { buildSegmentData } from '../../../main/core/search/segments/build-segment';
import { PostingIndex } from '../../../main/core/search/segments/posting-index';
import { Segment } from '../../../main/core/search/segments/segment';
import { alphabetFor } from '../../../main/core/search/query/spelling-candidates';
import { doc } from './helpers';

const segment = (seq: number, body: string): Segment => {
  const r = buildSegmentData([doc(`d${seq}`, { body })]);
  return new Segment(seq, r.docs, new PostingIndex(r.postings));
};

describe('alphabetFor', () => {
  it("orders a script's letters by how often the terms of every segment use them", () => {
    // Terms zebra, zoo / jazz, razz: z 6 times, a 3, r and o 2 (r first seen), then e, b, j;
    // the word's own letters come too, once each.
    const segments = [segment(1, 'zebra zoo'), segment(2, 'jazz razz')];
    const letters = alphabetFor('zap', segments);
    expect(letters).toEqual(['z', 'a', 'r', 'o', 'e', 'b', 'j', 'p']);
    // Only the word's script: no digit, no Arabic letter from another segment.
    const mixed = [...segments, segment(3, 'سلام 2024 كتاب')];
    expect(alphabetFor('zap', mixed)).toEqual(letters);
    expect(alphabetFor('كتب', mixed).sort()).toEqual(['ا', 'ب', 'ت', 'س', 'ك', 'ل', 'م'].sort());
  });

  it('counts Greek letters as letters of their script, ties in the order first seen', () => {
    // Terms ζωη, ωζο: ζ and ω twice each (ζ first), then η and ο.
    const segments = [segment(1, 'ζωή ωζο')];
    expect(alphabetFor('ζω', segments)).toEqual(['ζ', 'ω', 'η', 'ο']);
  });
});
