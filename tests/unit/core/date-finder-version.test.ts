// The date finder's answers on a fixed set of generated articles, fingerprinted per
// DATE_FINDER_VERSION. A reindex finds dates again only when the library's mark names another
// version (date-finder-mark.ts), so a change to the finder that changes any answer must bump
// the version: this test fails until it is bumped and the new fingerprint recorded here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleDateOf, DATE_FINDER_VERSION } from '../../../main/core/text/article-date';
import { cleanArticle, CLEANER_VERSION } from '../../../main/core/text/parse-article';

/** The fingerprint of each finder version (with the cleaner version it was taken with). */
const FINGERPRINTS: Record<string, string> = {
  '1/2': 'd0ec9c8471b425364e37a61c9f2a14d4e30cadccf43047e8837d9551c3465960',
  // More languages' month names (ICU), year-first dates, 年月日 and Vietnamese, Thai (Buddhist
  // Era), more digits.
  '2/2': '3cb6804c9b6ba8478749b2da632017272619b689437bf0e500526d0cd51802e0',
};

const DATES = [
  '3 March 2004',
  'March 4th, 2004',
  'Sept. 11, 2001',
  'le 1er février 2005',
  'am 7. März 2006',
  'el 2 de agosto de 2007',
  'il 25 dicembre 2008',
  '26-FEB-1987 15:01:01.79',
  '2010-06-01T09:30:00Z',
  '2010/6/1',
  '01.06.2010',
  '03/04/2005',
  '25/12/2010',
  '12/25/2011',
  '2010-02-30',
  'القاهرة في ٢٠ يوليو ٢٠١٥',
  'الرباط 3 غشت 2014',
  '15 ربيع الأول 1436',
  '۱۵ دی‌ماه ۱۴۰۲',
  'Monday, 5 January 2015',
  '5 de enero de 2015',
  '7 janvier 2015',
  '2015年1月5日',
  '2015년 1월 5일',
  'ngày 5 tháng 1 năm 2015',
  '5 января 2015',
  '5 Ιανουαρίου 2015',
  '5 stycznia 2015',
  '5. listopada 2015.',
  '2015. január 5.',
  '2015 m. sausio 5 d.',
  '5 בינואר 2015',
  '५ जनवरी २०१५',
  '5 มกราคม 2558',
  'yesterday',
];
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ar', 'fa', 'ru', 'pl', 'hr', 'und'];
const TEMPLATES: ((date: string) => string)[] = [
  (d) => `${d}\n\nA story whose first line is its date.\n\nMore text follows here.`,
  (d) => `Budget passes\n\nPublished: ${d}\n\nThe budget passed the house.`,
  (d) => `Port reopens\n\nLONDON, ${d} (Reuters) - The port reopened on Tuesday.`,
  (d) => `Markets\n\nShares rose.\n\nUpdated ${d}\n\nThey fell later.`,
  (d) => `---\ntitle: Notes\ndate: ${d}\n---\n\nThe body of the notes.`,
  (d) => `Council\n\nThe council met. It was ${d} when the vote came.\n\nNothing else.`,
  (d) => `Tail\n\nA short report with a date only at its end.\n\nLast modified ${d}`,
  // Two dates: which one wins says which rule read it.
  (d) => `Label\n\nNews of 9 September 1999 first.\n\nPublished: ${d}\n\nThe body.`,
  (d) => `Dateline\n\nPARIS, 9 September 1999 - The story.\n\nUpdated: ${d}`,
  (d) => `---\ndate: ${d}\n---\n\nFront\n\nPublished: 9 September 1999\n\nThe body.`,
  (d) => `Title line\n\n9 September 1999\n\nIt began on ${d}, they said.`,
  // Far from the top, and near the end of a long body.
  (d) => `Mid label\n\n${filler(1200)}\n\nPublished: ${d}\n\n${filler(2000)}`,
  (d) => `Deep label\n\n${filler(1600)}\n\nPublished: ${d}\n\n${filler(1600)}`,
  (d) => `Tail label\n\n${filler(3000)}\n\nPublished: ${d}`,
  (d) => `Deep\n\n${filler(3000)}\n\nIt happened on ${d}.`,
];

/** About `n` characters of text with no date in it. */
function filler(n: number): string {
  return 'Words without any date in them go on here. '.repeat(Math.ceil(n / 44)).slice(0, n);
}

/** Every generated article's date as the current finder reads it, hashed. */
function fingerprint(): string {
  const answers: (string | null)[] = [];
  for (const template of TEMPLATES) {
    for (const date of DATES) {
      const text = template(date);
      const clean = cleanArticle(text);
      for (const language of LANGUAGES) answers.push(articleDateOf(text, clean, language));
    }
  }
  return createHash('sha256').update(JSON.stringify(answers)).digest('hex');
}

describe('the date finder version', () => {
  it('names answers this finder gives: a change to them needs a new version', () => {
    const key = `${DATE_FINDER_VERSION}/${CLEANER_VERSION}`;
    const actual = fingerprint();
    expect(
      actual,
      `the date finder's answers changed: bump DATE_FINDER_VERSION (or record ${key}: '${actual}')`,
    ).toBe(FINGERPRINTS[key]);
  });

  it('is sensitive to the answers (the fixture finds dates, and not always the same)', () => {
    const found = new Set<string | null>();
    for (const template of TEMPLATES) {
      const text = template('3 March 2004');
      found.add(articleDateOf(text, cleanArticle(text), 'en'));
    }
    expect(found.has('2004-03-03')).toBe(true);
    const none = 'No date\n\nNothing here at all.';
    expect(articleDateOf(none, cleanArticle(none), 'en')).toBeNull();
  });
});
