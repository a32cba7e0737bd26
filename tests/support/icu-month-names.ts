// The month names ICU (Node's Intl) gives a locale, as main/core/text/dates/world-month-names.ts
// holds them: written by tests/scripts/month-names-from-icu.ts, and checked against ICU by
// tests/unit/core/world-month-names.test.ts, so the table is ICU's and nothing else.

// A trailing abbreviation mark: ".", the Devanagari abbreviation sign, the Hebrew geresh.
const ABBREVIATION_MARK = /[.\u0970\u05f3']$/u;
// Catalan writes "de gener", "d’abril" in a date; the finder reads those particles itself.
const CATALAN_PARTICLE = /^(?:de |d[’'])/u;
// Shorter abbreviations ("ag", "jan" in Hindi) are left out: too many words look like them.
const MIN_ABBREVIATION = 3;

/** For each month, January first, the names `locale` writes it with: long and short, alone and in a date. */
export function icuMonthNames(locale: string): string[][] {
  const tag = `${locale}-u-ca-gregory-nu-latn`;
  const formats = (['long', 'short'] as const).flatMap((month) =>
    [{ month }, { month, day: 'numeric' as const }].map((options) => ({
      short: month === 'short',
      format: new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }),
    })),
  );
  const rows: string[][] = [];
  for (let m = 0; m < 12; m++) {
    const day = new Date(Date.UTC(2021, m, 15, 12));
    const names: string[] = [];
    for (const { short, format } of formats) {
      for (const part of format.formatToParts(day)) {
        if (part.type !== 'month') continue;
        const name = part.value.replace(ABBREVIATION_MARK, '').replace(CATALAN_PARTICLE, '').trim();
        if (/\d/u.test(name) || name === '') continue;
        if (short && [...name].length < MIN_ABBREVIATION) continue;
        if (!names.includes(name)) names.push(name);
      }
    }
    rows.push(names);
  }
  return rows;
}
