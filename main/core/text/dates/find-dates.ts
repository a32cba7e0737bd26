// Finds the calendar dates written in a text, in the forms news articles use.
import { foldForDates } from './fold-text';
import { isoDate } from './iso-date';
import { monthNames, monthOf, monthPattern } from './month-names';
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
  /** The text's language (ISO 639-1), for month names languages disagree on ("listopad"). */
  language?: string;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
const ORDINAL = '(?:st|nd|rd|th|er|º|°|\\.)?';
const YEAR = '(\\d{4})(?!\\d)';

// Thai marks a year's era: พ.ศ. (Buddhist, the default) or ค.ศ. (Christian).
const THAI_ERA = '(?:พ\\.ศ\\.|ค\\.ศ\\.)';
// The Buddhist Era counts from 543 BC: 2567 BE is 2024.
const BUDDHIST_ERA_OFFSET = 543;
// A Thai date's year above this is of the Buddhist Era (no news is dated 2200 AD).
const LATEST_CHRISTIAN_YEAR = 2200;

interface NamedPatterns {
  dayMonthYear: RegExp;
  monthDayYear: RegExp;
  yearFirst: RegExp;
}

let named: NamedPatterns | null = null;

/** The patterns of dates with month names, made on first use (they name every month name). */
function namedPatterns(): NamedPatterns {
  if (named) return named;
  const names = monthPattern();
  // Persian may write the word for month after the name, joined or not (دی‌ماه, مهر ماه).
  const month = `(${names})(?:\\s*ماه)?\\.?${NOT_LETTER_AFTER}`;
  // "20 تموز/يوليو 2015", "20 يوليو (تموز) 2015": the same month in two naming traditions.
  const secondMonth = `(?:\\s*[/(]\\s*(?:${names})\\s*\\)?)?`;
  named = {
    // 3 March 2004, 1er mars 2004, 1. März 2004, 1 de marzo de 2004, 10 d’octubre del 2023,
    // 12 мая 2023, 20 يوليو 2015, ۱۵ دی‌ماه ۱۴۰۲, and Reuters' 26-FEB-1987.
    dayMonthYear: new RegExp(
      `${NOT_LETTER_BEFORE}(\\d{1,2})${ORDINAL}(?:\\s*-\\s*|\\s+(?:de\\s+|d['’]\\s*|of\\s+|من\\s+)?(?:شهر\\s+)?)` +
        `${month}${secondMonth}(?:\\s*-\\s*|,?\\s+(?:de\\s+|del\\s+|${THAI_ERA}\\s*)?)${YEAR}$`,
      'u',
    ),
    // March 3, 2004; Mar. 3rd 2004.
    monthDayYear: new RegExp(
      `${NOT_LETTER_BEFORE}${month}\\s+(\\d{1,2})${ORDINAL},?\\s+${YEAR}$`,
      'u',
    ),
    // Read after a year that a dot or "m." marks as coming first: Hungarian "2023. október
    // 10.", Lithuanian "2023 m. spalio 10 d.", Latvian "2023. gada 10. oktobris".
    yearFirst: new RegExp(
      `^(?:\\.|\\s+m\\.)\\s*(?:${month}\\s+(\\d{1,2})(?!\\d)|gada\\s+(\\d{1,2})\\.\\s*${month})`,
      'u',
    ),
  };
  return named;
}

// Dates with month names are looked for only just before a four-digit year: trying 145 month
// names at every position of a long text cost more than the rest of finding its date.
const YEAR_AT = /(?<!\d)\d{4}(?!\d)/g;
// Longer than any such date ("20 تشرين الثاني/نوفمبر 2015", "1 de septiembre de 2004").
const NAMED_DATE_CHARS = 60;
// 2004-03-01, 2004/3/1, 2004-03-01T10:00Z; ۱۴۰۲/۱۰/۱۵ ش (Solar Hijri, marked).
const YEAR_MONTH_DAY = /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
// Chinese and Japanese 2024年3月15日, Korean 2024년 3월 15일 (digits folded to ASCII).
const EAST_ASIAN = /(?<!\d)(\d{4})\s*(?:年|년)\s*(\d{1,2})\s*(?:月|월)\s*(\d{1,2})\s*(?:日|일)/g;
// Vietnamese "15 tháng 3 năm 2024", "10 tháng 10, 2023" (folded: no marks).
const VIETNAMESE = /(?<![\p{L}\p{N}])(\d{1,2})\s+thang\s+(\d{1,2})(?:,?\s+nam|,)\s+(\d{4})(?!\d)/gu;
// Longer than the words a year-first date puts after its year (". gada 10. septembris").
const YEAR_FIRST_CHARS = 40;
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
  const years = [...folded.matchAll(YEAR_AT)];
  const patterns = years.length > 0 ? namedPatterns() : null;
  for (const y of years) {
    const from = Math.max(0, y.index - NAMED_DATE_CHARS - 1);
    const before = folded.slice(from, y.index + 4);
    let dated = false;
    for (const [re, day, month] of [
      [patterns!.dayMonthYear, 1, 2],
      [patterns!.monthDayYear, 2, 1],
    ] as const) {
      const m = re.exec(before);
      // At the window's first character the "no letter before" check could not look back.
      if (!m || (m.index === 0 && from > 0)) continue;
      const iso = namedDate(m[month]!, +m[day]!, +m[3]!, reading);
      if (iso) found.push({ start: from + m.index, end: y.index + 4, iso });
      dated = true;
      break;
    }
    if (dated) continue;
    const after = folded.slice(y.index + 4, y.index + 4 + YEAR_FIRST_CHARS);
    const m = patterns!.yearFirst.exec(after);
    if (!m) continue;
    const [name, day] = m[1] ? [m[1], +m[2]!] : [m[4]!, +m[3]!];
    // Only where the year comes first: "2004. March 3" is no English date.
    if (!monthNames().yearFirst.has(name.replace(/\s+/g, ' '))) continue;
    const iso = namedDate(name, day, +y[0], reading);
    if (iso) found.push({ start: y.index, end: y.index + 4 + m[0].length, iso });
  }
  for (const m of folded.matchAll(EAST_ASIAN)) add(m, isoDate(+m[1]!, +m[2]!, +m[3]!));
  for (const m of folded.matchAll(VIETNAMESE)) add(m, isoDate(+m[3]!, +m[2]!, +m[1]!));
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

function namedDate(name: string, day: number, year: number, reading: DateReading): string | null {
  const key = name.replace(/\s+/g, ' ');
  const month = monthOf(key, reading.language);
  if (year > LATEST_CHRISTIAN_YEAR && monthNames().buddhistEra.has(key))
    year -= BUDDHIST_ERA_OFFSET;
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
