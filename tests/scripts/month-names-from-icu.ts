// npx tsx tests/scripts/month-names-from-icu.ts > main/core/text/dates/world-month-names.ts
// Writes the month-name table of the date finder for the languages below, from ICU (Node's
// Intl): long and short names, as written alone and in a date (Russian "мая" beside "май").
// The table is checked against ICU by tests/unit/core/world-month-names.test.ts.
import { icuMonthNames } from '../support/icu-month-names';

// Languages whose dates name the month, beyond those month-names.ts writes out (English,
// French, German, Spanish, Italian, Portuguese, Arabic, Persian). Chinese, Japanese and
// Korean number their months (find-dates.ts reads 2024年3月15日), as does Vietnamese.
const LOCALES = [
  'af',
  'az',
  'be',
  'bg',
  'bn',
  'bs',
  'ca',
  'cs',
  'da',
  'el',
  'et',
  'eu',
  'fi',
  'gl',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'is',
  'lt',
  'lv',
  'mk',
  'mr',
  'ms',
  'nb',
  'ne',
  'nl',
  'pl',
  'ro',
  'ru',
  'sk',
  'sl',
  'sq',
  'sr',
  'sr-Latn',
  'sv',
  'sw',
  'th',
  'tr',
  'uk',
  'ur',
];

const lines = [
  '// Month names of more languages, from ICU: written by tests/scripts/month-names-from-icu.ts',
  '// (do not edit by hand; tests/unit/core/world-month-names.test.ts checks it against ICU).',
  '// Per language, one row per month, January first; the names are separated by "|".',
  'export const WORLD_MONTH_NAMES: Readonly<Record<string, readonly string[]>> = {',
  ...LOCALES.flatMap((locale) => [
    `  ${JSON.stringify(locale)}: [`,
    ...icuMonthNames(locale).map((names) => `    ${JSON.stringify(names.join('|'))},`),
    '  ],',
  ]),
  '};',
  '',
];
process.stdout.write(lines.join('\n'));
