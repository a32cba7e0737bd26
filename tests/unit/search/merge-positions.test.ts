// Word positions survive merges exactly: a part without dead documents is copied a slot at a
// time, one with dead documents posting by posting, and either way every kept document's
// positions (and written forms) are those a single build of it gives.
import { describe, expect, it } from 'vitest';
import { analyzeDoc, FIELDS, NO_POSITION } from '../../../main/core/search/analysis/analyzer';
import {
  buildSegmentData,
  mergeSegmentData,
  type SegmentPayload,
} from '../../../main/core/search/segments/build-segment';
import { ByteWriter, readForms, readRun } from '../../../main/core/search/segments/positions';
import { doc } from './helpers';

const F = FIELDS.length;

/** "id|field|term" → "positions/forms" of every posting of a segment. */
function runs(p: SegmentPayload): Map<string, string> {
  const out = new Map<string, string>();
  const { terms, offsets, docs, posOffsets, positions } = p.postings;
  for (let slot = 0; slot + 1 < offsets.length; slot++) {
    const cursor = { at: posOffsets[slot]! };
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
      const from = cursor.at;
      const at: number[] = [];
      const n = readRun(positions, cursor, at);
      const forms: number[] = [];
      readForms(positions, { at: from }, (f) => forms.push(f));
      const key = `${p.docs.ids[docs[i]!]}|${FIELDS[slot % F]}|${terms[Math.floor(slot / F)]}`;
      out.set(key, `${at.slice(0, n).join(',')}/${forms.join(',')}`);
    }
  }
  return out;
}

const texts = [
  'Oil prices rose as oil traders sold; OIL and Oil again',
  'The talks on talks resumed, talking of the talks',
  'Prices of oil and gas rose; gas prices fell',
  'Rain in Spain falls mainly on the plain, the rain said',
  'Traders traded oil. Trading oil is what traders do',
  'Gas and oil, oil and gas, prices and prices',
];
const all = texts.map((t, i) =>
  doc(`d${i}`, { title: t.split(' ').slice(0, 3).join(' '), body: t }),
);

describe('positions through merges', () => {
  it('are those of one build, whether a part is copied whole or posting by posting', () => {
    const expected = runs(buildSegmentData(all));
    const parts = [all.slice(0, 2), all.slice(2, 4), all.slice(4)].map((p) => buildSegmentData(p));
    const keepAll = (p: SegmentPayload) => new Uint8Array(p.docs.ids.length).fill(1);
    const whole = mergeSegmentData(parts.map((p) => ({ ...p, keep: keepAll(p) })));
    expect(runs(whole)).toEqual(expected);
    // A merge of a merge (the usual path of a growing library), with one part losing d3.
    const again = mergeSegmentData([
      { ...whole, keep: Uint8Array.from(whole.docs.ids, (id) => (id === 'd3' ? 0 : 1)) },
      { ...parts[0]!, keep: Uint8Array.from([0, 0]) },
    ]);
    const withoutD3 = new Map([...expected].filter(([k]) => !k.startsWith('d3|')));
    expect(runs(again)).toEqual(withoutD3);
  });
});

/**
 * The positions a segment should hold, encoded the plain way: per slot, per posting (documents
 * in segment order), the posting's positions in the field and their form codes.
 */
function referencePositions(p: SegmentPayload, docs: ReturnType<typeof analyzeDoc>[]) {
  const w = new ByteWriter();
  const starts: number[] = [];
  const { terms, offsets } = p.postings;
  for (let slot = 0; slot + 1 < offsets.length; slot++) {
    starts.push(w.length);
    const term = terms[Math.floor(slot / F)]!;
    const field = FIELDS[slot % F]!;
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
      const d = docs[p.postings.docs[i]!]!;
      const at: number[] = [];
      const forms: number[] = [];
      d.fields[field].forEach((t, k) => {
        if (t !== term || d.positions[field][k] === NO_POSITION) return;
        at.push(d.positions[field][k]!);
        forms.push(d.forms[field][k]!);
      });
      w.varint(at.length);
      let prev = 0;
      at.forEach((pos, k) => {
        w.varint((pos - prev) * 2 + (forms[k] === 0 ? 0 : 1));
        if (forms[k] !== 0) w.varint(forms[k]!);
        prev = pos;
      });
    }
  }
  starts.push(w.length);
  return { starts, bytes: [...w.bytes.subarray(0, w.length)] };
}

describe('positions as built', () => {
  it('are byte for byte the plain encoding, with tags, notes and words written in other forms', () => {
    const docs = [
      ...all,
      doc('t1', {
        title: 'Talks on talks',
        body: 'Talking, talked; the TALKS went on and on',
        tags: ['oil talks', 'Gas'],
        place: 'Oil City',
        notes: ['oil again', 'talks'],
        highlights: ['the talks went on'],
      }),
      doc('t2', { body: 'e-mail and email, mail-mail', tags: ['mail'] }),
    ];
    const built = buildSegmentData(docs);
    const ref = referencePositions(built, docs.map(analyzeDoc));
    expect([...built.postings.posOffsets]).toEqual(ref.starts);
    expect([...built.postings.positions]).toEqual(ref.bytes);
    expect(ref.bytes.length).toBeGreaterThan(100);
  });
});
