// Month names a date may be written with, folded (fold-text.ts), and their calendar.
import { foldForDates } from './fold-text';
import { WORLD_MONTH_NAMES } from './world-month-names';

export type Calendar = 'gregorian' | 'solar-hijri';

export interface MonthName {
  month: number;
  calendar: Calendar;
}

/** The month names: one meaning per spelling, and the spellings languages disagree on. */
export interface MonthNames {
  /** Folded spelling -> its month, where every language that writes it means the same one. */
  names: ReadonlyMap<string, MonthName>;
  /** Folded spelling -> its month per language, where languages differ ("listopad"). */
  byLanguage: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Spellings of the languages that write the year first ("2023. október 10."). */
  yearFirst: ReadonlySet<string>;
  /** Thai spellings, whose years are of the Buddhist Era unless marked ("15 มีนาคม 2567"). */
  buddhistEra: ReadonlySet<string>;
}

// Languages whose dates put the year first, with the month named after it.
const YEAR_FIRST_LANGUAGES = ['hu', 'lt', 'lv'];

// One row per month, January (Farvardin) first; spellings as written, folded when loaded.
const GREGORIAN: readonly string[] = [
  // English, French, German, Spanish, Italian, Portuguese
  'january jan janvier janv januar jänner enero gennaio janeiro',
  'february feb février févr fevrier fevr februar febrero febbraio fevereiro',
  'march mar mars märz marz marzo março',
  'april apr avril avr abril aprile',
  'may mai mayo maggio maio',
  'june jun juin juni junio giugno junho',
  'july jul juillet juil juli julio luglio julho',
  'august aug août aout agosto',
  'september sept sep septembre septiembre setiembre settembre setembro',
  'october oct octobre oktober octubre ottobre outubro',
  'november nov novembre noviembre novembro',
  'december dec décembre déc dezember diciembre dicembre dezembro',
];
// Arabic: Egyptian and Gulf names, Maghreb names (Morocco; Algeria and Tunisia), Levantine
// and Iraqi names; then Persian spellings of the Gregorian months. Multi-word names keep
// their space.
const GREGORIAN_ARABIC_PERSIAN: readonly string[] = [
  'يناير|جانفي|كانون الثاني|ژانویه|ژانويه',
  'فبراير|فيفري|شباط|فوریه',
  'مارس|آذار',
  'أبريل|إبريل|ابريل|أفريل|نيسان|آوریل|آپریل',
  'مايو|ماي|أيار|مه|می',
  'يونيو|يونيه|جوان|حزيران|ژوئن',
  'يوليو|يوليه|يوليوز|جويلية|تموز|ژوئیه|جولای',
  'أغسطس|اغسطس|غشت|أوت|آب|اوت|آگوست',
  'سبتمبر|شتنبر|أيلول|سپتامبر',
  'أكتوبر|اكتوبر|تشرين الأول|اکتبر',
  'نوفمبر|نونبر|تشرين الثاني|نوامبر',
  'ديسمبر|دجنبر|كانون الأول|دسامبر',
];
// The months of the Solar Hijri calendar, Farvardin first (Mordad also as Amordad).
const SOLAR_HIJRI: readonly string[] = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد|امرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];

// Hebrew writes the month with the preposition joined to it: "5 בספטמבר 2023".
const HEBREW_IN = '\u05d1';

function table(): MonthNames {
  const names = new Map<string, MonthName>();
  const byLanguage = new Map<string, Map<string, number>>();
  const yearFirst = new Set<string>();
  const buddhistEra = new Set<string>();
  // Language -> spellings, to resolve those two languages give different months.
  const spellings = new Map<string, Map<string, number>>();
  const add = (
    rows: readonly string[],
    split: RegExp,
    calendar: Calendar,
    language?: string,
  ): void => {
    rows.forEach((row, i) => {
      for (const name of row.split(split)) {
        const folded = foldForDates(name);
        const was = names.get(folded);
        if (was && (was.month !== i + 1 || was.calendar !== calendar))
          byLanguage.set(folded, new Map());
        else names.set(folded, { month: i + 1, calendar });
        if (language) {
          let own = spellings.get(language);
          if (!own) spellings.set(language, (own = new Map()));
          own.set(folded, i + 1);
          if (YEAR_FIRST_LANGUAGES.includes(language)) yearFirst.add(folded);
          if (language === 'th') buddhistEra.add(folded);
        }
      }
    });
  };
  add(GREGORIAN, / /, 'gregorian');
  add(GREGORIAN_ARABIC_PERSIAN, /\|/, 'gregorian');
  add(SOLAR_HIJRI, /\|/, 'solar-hijri');
  for (const [locale, rows] of Object.entries(WORLD_MONTH_NAMES)) {
    const language = locale.split('-')[0]!;
    add(rows, /\|/, 'gregorian', language);
    if (language === 'he') {
      const joined = rows.map((row) =>
        row
          .split('|')
          .map((name) => HEBREW_IN + name)
          .join('|'),
      );
      add(joined, /\|/, 'gregorian', language);
    }
  }
  // A spelling two languages give different months ("listopad": November in Czech, October
  // in Croatian) is read only by the article's language, when that is one of them.
  for (const [folded, months] of byLanguage) {
    names.delete(folded);
    for (const [language, own] of spellings) {
      const month = own.get(folded);
      if (month !== undefined) months.set(language, month);
    }
  }
  return { names, byLanguage, yearFirst, buddhistEra };
}

let builtNames: MonthNames | null = null;

/**
 * Every known month name, folded. Made on first use: a fresh command-line process that finds
 * no date need not fold a thousand names.
 */
export function monthNames(): MonthNames {
  return (builtNames ??= table());
}

/** The month `name` (folded) stands for in a text of `language` (ISO 639-1), or undefined. */
export function monthOf(name: string, language: string | undefined): MonthName | undefined {
  const { names, byLanguage } = monthNames();
  const known = names.get(name);
  if (known) return known;
  const month = language === undefined ? undefined : byLanguage.get(name)?.get(language);
  return month === undefined ? undefined : { month, calendar: 'gregorian' };
}

/** A regular-expression alternation of the month names, longest first (folded text). */
export function monthPattern(): string {
  const { names, byLanguage } = monthNames();
  return [...names.keys(), ...byLanguage.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
