// Month names a date may be written with, folded (fold-text.ts), and their calendar.
import { foldForDates } from './fold-text';

export type Calendar = 'gregorian' | 'solar-hijri';

export interface MonthName {
  month: number;
  calendar: Calendar;
}

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

function table(): Map<string, MonthName> {
  const names = new Map<string, MonthName>();
  const add = (rows: readonly string[], split: RegExp, calendar: Calendar): void => {
    rows.forEach((row, i) => {
      for (const name of row.split(split))
        names.set(foldForDates(name), { month: i + 1, calendar });
    });
  };
  add(GREGORIAN, / /, 'gregorian');
  add(GREGORIAN_ARABIC_PERSIAN, /\|/, 'gregorian');
  add(SOLAR_HIJRI, /\|/, 'solar-hijri');
  return names;
}

/** Every known month name, folded, with its month number and calendar. */
export const MONTH_NAMES: ReadonlyMap<string, MonthName> = table();

/** A regular-expression alternation of the month names, longest first (folded text). */
export const MONTH_PATTERN = [...MONTH_NAMES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');
