// Finds the calendar dates written in a text, in the forms news articles use.
import { foldForDates } from './fold-text';
import { isoDate } from './iso-date';
import { MONTH_NAMES, MONTH_PATTERN } from './month-names';
import { solarHijriToIso } from './solar-hijri';

export interface FoundDate {
  /** Where the date starts and ends in the folded text (only for ordering and spans). */
  start: number;
  end: number;
  /** The Gregorian date, ISO (YYYY-MM-DD). */
  iso: string;
}

export interface DateReading {
  /**
   * How to read 03/04/2005, where both numbers could be the month: true day first (most of
   * the world), false month first (US), null: not at all.
   */
  dayFirst: boolean | null;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
// Persian may write the word for month after the name, joined or not (دی‌ماه, مهر ماه).
const MONTH = `(${MONTH_PATTERN})(?:\\s*ماه)?\\.?${NOT_LETTER_AFTER}`;
// "20 تموز/يوليو 2015", "20 يوليو (تموز) 2015": the same month in two naming traditions.
const SECOND_MONTH = `(?:\\s*[/(]\\s*(?:${MONTH_PATTERN})\\s*\\)?)?`;
const ORDINAL = '(?:st|nd|rd|th|er|º|°|\\.)?';
const YEAR = '(\\d{4})(?!\\d)';

// 3 March 2004, 1er mars 2004, 1. März 2004, 1 de marzo de 2004, 20 يوليو 2015, ۱۵ دی‌ماه ۱۴۰۲,
// and Reuters' 26-FEB-1987.
const DAY_MONTH_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{1,2})${ORDINAL}(?:\\s*-\\s*|\\s+(?:de\\s+|of\\s+|من\\s+)?(?:شهر\\s+)?)` +
    `${MONTH}${SECOND_MONTH}(?:\\s*-\\s*|,?\\s+(?:de\\s+|del\\s+)?)${YEAR}$`,
  'u',
);
// March 3, 2004; Mar. 3rd 2004.
const MONTH_DAY_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+${YEAR}$`,
  'u',
);
// Dates with month names are looked for only just before a four-digit year: trying 145 month
// names at every position of a long text cost more than the rest of finding its date.
const YEAR_AT = /(?<!\d)\d{4}(?!\d)/g;
// Longer than any such date ("20 تشرين الثاني/نوفمبر 2015", "1 de septiembre de 2004").
const NAMED_DATE_CHARS = 60;
// 2004-03-01, 2004/3/1, 2004-03-01T10:00Z; ۱۴۰۲/۱۰/۱۵ ش (Solar Hijri, marked).
const YEAR_MONTH_DAY = /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
// 01.03.2004, 1/3/2004, 3/1/2004.
const DAY_MONTH_YEAR_NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d/])/g;
// A year marked Solar Hijri: "ش", "ه‍.ش", "هجری شمسی" (folded: شمسي).
const SOLAR_MARK = /^\s*(?:ه\s*\.?\s*ش|ش|هجري\s+شمسي|شمسي)(?![\p{L}])/u;

/** Every date written in `text`, in order of position. */
export function findDates(text: string, reading: DateReading = { dayFirst: null }): FoundDate[] {
  return findFoldedDates(foldForDates(text), reading);
}

/** findDates on text already folded by foldForDates (folding it again changes nothing). */
export function findFoldedDates(
  folded: string,
  reading: DateReading = { dayFirst: null },
): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (m: RegExpExecArray, iso: string | null): void => {
    if (iso) found.push({ start: m.index, end: m.index + m[0].length, iso });
  };
  for (const y of folded.matchAll(YEAR_AT)) {
    const from = Math.max(0, y.index - NAMED_DATE_CHARS - 1);
    const before = folded.slice(from, y.index + 4);
    for (const [re, day, month] of [
      [DAY_MONTH_YEAR, 1, 2],
      [MONTH_DAY_YEAR, 2, 1],
    ] as const) {
      const m = re.exec(before);
      // At the window's first character the "no letter before" check could not look back.
      if (!m || (m.index === 0 && from > 0)) continue;
      const iso = named(m[month]!, +m[day]!, +m[3]!);
      if (iso) found.push({ start: from + m.index, end: y.index + 4, iso });
      break;
    }
  }
  for (const m of folded.matchAll(YEAR_MONTH_DAY)) {
    const [y, mo, d] = [+m[1]!, +m[3]!, +m[4]!];
    const solar = SOLAR_MARK.test(folded.slice(m.index + m[0].length));
    add(m, solar ? solarHijriToIso(y, mo, d) : isoDate(y, mo, d));
  }
  for (const m of folded.matchAll(DAY_MONTH_YEAR_NUMERIC)) {
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    add(m, numericDayMonth(a, b, y, m[2] === '.' ? true : reading.dayFirst));
  }
  return found.sort((x, y) => x.start - y.start);
}

function named(name: string, day: number, year: number): string | null {
  const month = MONTH_NAMES.get(name.replace(/\s+/g, ' '));
  if (!month) return null;
  return month.calendar === 'solar-hijri'
    ? solarHijriToIso(year, month.month, day)
    : isoDate(year, month.month, day);
}

// Dots are day first everywhere they are used; slashes are when a number cannot be a month.
function numericDayMonth(a: number, b: number, year: number, dayFirst: boolean | null) {
  if (a === b || a > 12) return isoDate(year, b, a);
  if (b > 12) return isoDate(year, a, b);
  if (dayFirst === null) return null;
  return dayFirst ? isoDate(year, b, a) : isoDate(year, a, b);
}
