// editDistance reuses its rows between calls; it must still equal a plain optimal string
// alignment distance (Levenshtein plus swaps of neighbours), the rule fuzzy search uses.
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../main/core/search/analysis/term-match';

function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('equals the optimal string alignment distance up to the cap, and max + 1 beyond it', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'abcдж東';
    const word = (): string =>
      Array.from({ length: rand(9) }, () => alphabet[rand(alphabet.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = k % 50 === 0 ? 'x'.repeat(100 + rand(60)) : word();
      const max = 1 + rand(2);
      const exact = osa(a, b);
      expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
    }
  });

  it('handles empty and equal words', () => {
    expect(editDistance('', '', 1)).toBe(0);
    expect(editDistance('', 'a', 1)).toBe(1);
    expect(editDistance('football', 'footbal', 1)).toBe(1);
    expect(editDistance('football', 'football', 2)).toBe(0);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    // A swap of neighbours is one edit; editing a swapped pair again is not allowed.
    expect(editDistance('nuclaer', 'nuclear', 2)).toBe(1);
    expect(editDistance('ak', 'kda', 2)).toBe(3);
  });
});
