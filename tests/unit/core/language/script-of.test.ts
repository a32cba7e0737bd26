import { expressions } from 'franc-min/expressions.js';
import { describe, expect, it } from 'vitest';
import {
  EXTRA_SCRIPTS,
  SCRIPT_NAMES,
  countOf,
  countScripts,
  francScriptOf,
} from '../../../../main/core/text/script-of';

/** Code points from `from` to `to` every `step` (surrogates alone, each between two spaces). */
function codePoints(from: number, to: number, step: number): string {
  const parts: string[] = [];
  for (let c = from; c <= to; c += step) {
    parts.push(
      c >= 0xd800 && c <= 0xdfff ? ` ${String.fromCharCode(c)} ` : String.fromCodePoint(c),
    );
  }
  return parts.join('');
}

const globalOf = (re: RegExp): RegExp =>
  new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);

describe('countScripts', () => {
  it('counts what franc-min’s own expressions and \\p{L} match, over the code points', () => {
    const regexes: [string, RegExp][] = [
      ...Object.entries(expressions),
      ...Object.entries(EXTRA_SCRIPTS),
    ].map(([name, re]) => [name, globalOf(re)]);
    // Plane by plane, so that a difference points at its range: every code point of the
    // BMP, every 11th of the others (coprime to 1024, so every low surrogate occurs).
    for (let from = 0; from <= 0x10ffff; from += 0x10000) {
      const text = codePoints(from, from + 0xffff, from === 0 ? 1 : 11);
      const counts = countScripts(text);
      const expected = Object.fromEntries(
        regexes.map(([name, re]) => [name, text.match(re)?.length ?? 0]),
      );
      const got = Object.fromEntries(regexes.map(([name]) => [name, countOf(counts, name)]));
      expect({ from, counts: got }).toEqual({ from, counts: expected });
      expect({ from, letters: counts.letters }).toEqual({
        from,
        letters: text.match(/\p{L}/gu)?.length ?? 0,
      });
    }
  });

  it('gives the same counts the second time a code point is seen (the cache)', () => {
    const text = 'Ελληνικά και English, 한국어 と にほんご';
    expect(Array.from(countScripts(text).perScript)).toEqual(
      Array.from(countScripts(text).perScript),
    );
  });
});

describe('francScriptOf', () => {
  const scriptOf = (text: string): string | null => francScriptOf(countScripts(text));

  it('names the script with most code points, in franc-min’s names', () => {
    expect(scriptOf('Καλημέρα σε όλους')).toBe('ell');
    expect(scriptOf('안녕하세요 여러분')).toBe('kor');
    expect(scriptOf('ありがとうございます')).toBe('jpn');
    expect(scriptOf('Good morning, ΕΛΛΑΔΑ')).toBe('Latin');
    expect(scriptOf('Доброе утро')).toBe('Cyrillic');
    expect(scriptOf('صباح الخير')).toBe('Arabic');
    expect(scriptOf('नमस्ते दोस्तों')).toBe('Devanagari');
  });

  it('gives a tie to the script franc-min lists first, and null when none occurs', () => {
    const names = Object.keys(expressions);
    expect(names.indexOf('Latin')).toBeLessThan(names.indexOf('Cyrillic'));
    expect(scriptOf('ab вг')).toBe('Latin');
    expect(scriptOf('вг ab')).toBe('Latin');
    expect(scriptOf('1234 — 5678')).toBeNull();
    // A script franc-min does not know does not count for it.
    expect(scriptOf('שלום עולם')).toBeNull();
  });

  it('lists franc-min’s scripts first, in its order, then the extra ones', () => {
    expect(SCRIPT_NAMES).toEqual([...Object.keys(expressions), ...Object.keys(EXTRA_SCRIPTS)]);
  });
});
