import { franc } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { describe, expect, it } from 'vitest';
import {
  closestLanguage,
  profiledScripts,
  scriptCandidates,
} from '../../../../main/core/text/closest-language';
import { detectLanguage } from '../../../../main/core/text/language';
import {
  EXTRA_SCRIPTS,
  countOf,
  countScripts,
  francScriptOf,
} from '../../../../main/core/text/script-of';
import { CHECK_SET } from './check-set';
import { detectLanguageWithFranc } from './franc-detector';

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)]!;

/** Texts made of trigrams of one to three profiles of a script: close calls between them. */
function profileTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const profiles = data[pick(next, Object.keys(data))]!;
    const chosen = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      profiles[pick(next, Object.keys(profiles))]!.split('|'),
    );
    const length = 20 + Math.floor(next() * 400);
    let text = '';
    while (text.length < length) {
      // Mostly frequent trigrams, sometimes rare ones, now and then a digit or a capital.
      const model = pick(next, chosen);
      const trigram = model[Math.floor(next() ** 2 * model.length)]!;
      text += next() < 0.1 ? trigram.toUpperCase() : trigram;
      if (next() < 0.05) text += ` ${Math.floor(next() * 1000)}, `;
    }
    texts.push(text);
  }
  return texts;
}

/** Texts made of words of the check set's sentences, scripts and languages mixed. */
function mixedTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const words = CHECK_SET.flatMap((c) => c.text.split(/\s+/));
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + Math.floor(next() * 60) }, () => pick(next, words)).join(' '),
  );
}

describe('scriptCandidates', () => {
  it('lists, for each script franc-min compares trigrams in, the languages it has profiles of', () => {
    for (const script of profiledScripts()) {
      const candidates = scriptCandidates(script);
      expect(candidates).toEqual(Object.keys(data[script]!));
      // Shared scripts only: a script with one language is answered without trigrams.
      expect(candidates.length).toBeGreaterThan(1);
      // Every profiled script is one franc-min can pick as the script of a text.
      expect(Object.keys(expressions)).toContain(script);
    }
  });

  it('holds the languages the app tells apart within a script', () => {
    expect(scriptCandidates('Arabic')).toEqual(expect.arrayContaining(['arb', 'pes', 'urd']));
    expect(scriptCandidates('Cyrillic')).toEqual(expect.arrayContaining(['rus', 'ukr', 'bul']));
    expect(scriptCandidates('Devanagari')).toEqual(expect.arrayContaining(['hin', 'mar', 'npi']));
    expect(scriptCandidates('Latin')).toEqual(
      expect.arrayContaining(['eng', 'fra', 'deu', 'spa', 'tur', 'vie']),
    );
    expect(scriptCandidates('Greek')).toEqual([]);
    expect(closestLanguage('Καλημέρα σε όλους', 'ell')).toBeNull();
  });
});

describe('closestLanguage', () => {
  it('answers what franc answers, for texts of every profiled script', () => {
    const texts = [
      ...CHECK_SET.map((c) => c.text),
      ...profileTexts(2000, 16),
      ...mixedTexts(300, 61),
    ];
    let compared = 0;
    for (const text of texts) {
      const script = francScriptOf(countScripts(text.slice(0, 2048)));
      if (script === null || !profiledScripts().includes(script)) continue;
      compared += 1;
      expect({ text, answer: closestLanguage(text, script) }).toEqual({
        text,
        answer: franc(text, { minLength: 1 }),
      });
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('gives the first candidate, as franc does, when no profile holds any trigram', () => {
    const text = 'ǅǆǇ ǈǉǊ ǋǌǍ ǅǆǇ ǈǉǊ';
    expect(closestLanguage(text, 'Latin')).toBe(scriptCandidates('Latin')[0]);
    expect(franc(text, { minLength: 1 })).toBe(scriptCandidates('Latin')[0]);
  });
});

// The languages of the scripts franc-min has no profile of, as ISO 639-1.
const EXTRA_LANGUAGE: Record<string, string> = {
  Hebrew: 'he',
  Armenian: 'hy',
  Georgian: 'ka',
  Khmer: 'km',
  Lao: 'lo',
};

describe('detectLanguage, script first', () => {
  it('gives the old detector’s answers, but for texts mostly in a script franc-min lacks', () => {
    const texts = [
      ...CHECK_SET.map((c) => c.text),
      ...profileTexts(300, 7),
      ...mixedTexts(400, 70),
      'ខ្ញុំចូលចិត្តអានកាសែតរៀងរាល់ព្រឹក ដើម្បីដឹងពីព័ត៌មានថ្មីៗ',
      'ຂ້ອຍມັກອ່ານໜັງສືພິມທຸກໆເຊົ້າ ເພື່ອຮູ້ຂ່າວໃໝ່ໆ ທີ່ເກີດຂຶ້ນ',
      '',
      '1234 5678',
      'Too short.',
    ];
    for (const text of texts) {
      const counts = countScripts(text.slice(0, 400));
      const extra = Object.keys(EXTRA_SCRIPTS).find((s) => countOf(counts, s) > counts.letters / 2);
      if (extra) expect(detectLanguage(text)).toBe(EXTRA_LANGUAGE[extra]);
      else
        expect({ text, lang: detectLanguage(text) }).toEqual({
          text,
          lang: detectLanguageWithFranc(text),
        });
    }
  });

  it('knows each check-set sentence’s language', () => {
    for (const { lang, text } of CHECK_SET)
      expect({ text, lang: detectLanguage(text) }).toEqual({ text, lang });
  });

  it('calls a Hebrew text that quotes a Latin name Hebrew (franc called it Spanish)', () => {
    const text = 'לפי דיווח של CNN, מועצת העיר הצביעה ביום שני על סגירת הגשר הישן לצורך תיקונים.';
    expect(detectLanguage(text)).toBe('he');
    expect(detectLanguageWithFranc(text)).not.toBe('he');
  });

  it('answers und below 20 letters and for figures', () => {
    expect(detectLanguage('Short text here')).toBe('und');
    expect(detectLanguage('12,345 67,890 12.5% 44.1% 2024-01-02 03:04:05')).toBe('und');
  });
});
