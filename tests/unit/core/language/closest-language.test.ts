import { franc as francAll } from 'franc';
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
import { MORE_LANGUAGES } from '../../../support/more-languages';
import {
  MORE_LANGUAGE_PROFILES,
  PROFILE_ORDER,
} from '../../../../main/core/text/more-language-profiles';

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
    const script = pick(next, Object.keys(data));
    const profiles = { ...data[script]!, ...MORE_LANGUAGE_PROFILES[script] };
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
      expect(candidates).toEqual(PROFILE_ORDER[script] ?? Object.keys(data[script]!));
      // franc-min's languages, and those added to it.
      expect(candidates).toEqual(expect.arrayContaining(Object.keys(data[script]!)));
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
      expect.arrayContaining(['eng', 'fra', 'deu', 'spa', 'tur', 'vie', 'dan', 'nob', 'fin']),
    );
    expect(scriptCandidates('Greek')).toEqual([]);
    expect(closestLanguage('Καλημέρα σε όλους', 'ell')).toBeNull();
  });
});

// The languages the reference may answer: franc-min's, and the added ones.
const REFERENCE_LANGUAGES = [
  ...new Set([
    ...Object.values(data).flatMap((profiles) => Object.keys(profiles)),
    ...Object.keys(expressions).filter((script) => !(script in data)),
    ...MORE_LANGUAGES,
  ]),
];
// Scripts franc tells apart but franc-min does not: franc would take another script for a
// text that holds them.
const SCRIPTS_ONLY_FRANC_KNOWS = /[\p{Script=Hebrew}\p{Script=Ethiopic}\p{Script=Myanmar}]/u;

describe('closestLanguage', () => {
  it('answers what franc-min answers, or an added language franc itself finds closer', () => {
    const texts = [
      ...CHECK_SET.map((c) => c.text),
      ...profileTexts(2000, 16),
      ...mixedTexts(300, 61),
    ];
    let compared = 0;
    let added = 0;
    for (const text of texts) {
      const script = francScriptOf(countScripts(text.slice(0, 2048)));
      if (script === null || !profiledScripts().includes(script)) continue;
      const answer = closestLanguage(text, script);
      compared += 1;
      // Adding candidates can change franc's answer only to one of them (it takes the least
      // distance, ties in its order, and franc-min's languages keep their order).
      if (!MORE_LANGUAGES.includes(answer ?? '')) {
        expect({ text, answer }).toEqual({ text, answer: franc(text, { minLength: 1 }) });
        continue;
      }
      added += 1;
      // franc takes such a text for Hebrew (or Ethiopic, Myanmar) and cannot say.
      if (SCRIPTS_ONLY_FRANC_KNOWS.test(text)) continue;
      const all = francAll(text, { minLength: 1, only: REFERENCE_LANGUAGES });
      expect({ text, answer }).toEqual({ text, answer: all });
    }
    expect(compared).toBeGreaterThan(2000);
    expect(added).toBeGreaterThan(50);
  });

  it('keeps franc-min’s answer for a headline or a table an added profile is barely closer to', () => {
    // Closest to Danish and Estonian by franc's trigrams, by too little on too few of them.
    const headline = 'HARBOUR FOODS SETS SPECIAL DIVIDEND FOR HOLDERS';
    expect(francAll(headline, { minLength: 1, only: REFERENCE_LANGUAGES })).toBe('dan');
    expect(closestLanguage(headline, 'Latin')).toBe('eng');
    const table =
      'MIDWEST GRAIN FUTURES\n\nMINNEAPOLIS WHEAT\n\n MAY7 284 3/4 UP 1 1/4\n JUL7 281 3/4 UP 1\n SEP7 277 1/2 UP 1 1/2';
    expect(MORE_LANGUAGES).toContain(francAll(table, { minLength: 1, only: REFERENCE_LANGUAGES }));
    expect(MORE_LANGUAGES).not.toContain(closestLanguage(table, 'Latin'));
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

// The added languages (tests/support/more-languages.ts) as detectLanguage names them.
const ADDED_LANGUAGES = ['af', 'sq', 'ca', 'da', 'et', 'fi', 'lt', 'lv', 'mk', 'nb', 'sk', 'sl'];

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
      const lang = detectLanguage(text);
      // (Below 20 letters every detector says "und".)
      if (extra) expect(lang).toBe(counts.letters < 20 ? 'und' : EXTRA_LANGUAGE[extra]);
      // An added language (closestLanguage answers as franc with it): the old detector
      // answered another language of the same script.
      else if (ADDED_LANGUAGES.includes(lang))
        expect(detectLanguageWithFranc(text)).not.toBe('und');
      else expect({ text, lang }).toEqual({ text, lang: detectLanguageWithFranc(text) });
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
