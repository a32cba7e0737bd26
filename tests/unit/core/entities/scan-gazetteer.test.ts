// The gazetteer scan normalises each word once (and remembers words' keys across texts); it
// must find exactly what looking up every run of words afresh finds.
import { describe, expect, it } from 'vitest';
import { gazetteerLongest, gazetteerPlace } from '../../../../main/core/entities/gazetteer';
import { scanGazetteer } from '../../../../main/core/entities/scan-gazetteer';
import { seeded } from '../../../support/stories';

/** The scan as first written: every run of words joined and looked up from scratch. */
function reference(text: string, capitalsOnly: boolean): string[] {
  const ONE = /^[وفبلك](?=\p{Script=Arabic}{3,})/u;
  const TWO = /^[وف][بلك](?=\p{Script=Arabic}{3,})/u;
  const heads = (w: string) => [
    w,
    ...(ONE.test(w) ? [w.slice(1)] : []),
    ...(TWO.test(w) ? [w.slice(2)] : []),
  ];
  const words = (text.match(/[\p{L}\p{M}\p{N}.'’-]+/gu) ?? []).map((w) =>
    w.replace(/[.'’-]+$/u, ''),
  );
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (capitalsOnly && /^\p{Script=Latin}/u.test(first) && !/^\p{Lu}/u.test(first)) continue;
    for (let n = Math.min(gazetteerLongest(), words.length - i); n >= 1; n--) {
      const rest = words.slice(i + 1, i + n);
      let place: string | null = null;
      for (const head of heads(first)) {
        place ??= head === '' ? null : gazetteerPlace([head, ...rest].join(' '));
      }
      if (place) {
        found.add(place);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
}

// Place names in several spellings, with prefixes, dots, marks and tatweel, and filler that
// is no place (punctuation-only words, marks alone, capitalised and lower-case words).
const PIECES = [
  'New York',
  'York',
  'new york',
  'U.S.',
  'US',
  'us',
  'United States',
  'the United',
  'States',
  'الولايات المتحدة',
  'الولايات',
  'المتحدة',
  'والقاهرة',
  'وبغداد',
  'ببغداد',
  'لبنان',
  'ولبنان',
  'بيـروت',
  'بَيْرُوت',
  'القاهرة.',
  'Peking',
  'Beijing',
  'Saudi Arabia',
  'السعودية',
  'چین',
  'Zürich',
  'Côte',
  '...',
  '-',
  '’',
  'ـ',
  '\u064B',
  'market',
  'Talks',
  'said',
  'في',
  'من',
  'Hong',
  'Kong',
  'Hong Kong',
  'Abu Dhabi',
  'أبو ظبي',
  'Washington',
  'D.C.',
  'London.',
];

describe('scanGazetteer', () => {
  it('finds what looking up every run of words afresh finds, in any mix of scripts', () => {
    const rand = seeded(7);
    const seen = new Set<string>();
    for (let t = 0; t < 400; t++) {
      const n = 1 + Math.floor(rand() * 30);
      const parts = Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)]!);
      const text = parts.join(rand() < 0.5 ? ' ' : ', ');
      for (const capitalsOnly of [true, false]) {
        const found = scanGazetteer(text, capitalsOnly);
        expect(found, text).toEqual(reference(text, capitalsOnly));
        for (const place of found) seen.add(place);
      }
    }
    // The texts did name places, Arabic spellings with prefixes among them.
    expect([...seen]).toEqual(expect.arrayContaining(['New York', 'Baghdad', 'Lebanon', 'Beirut']));
  });
});
