// The month names of more languages (main/core/text/dates/world-month-names.ts) are ICU's, as
// tests/scripts/month-names-from-icu.ts writes them: nothing added or changed by hand. A Node
// whose ICU names a month otherwise fails here: write the table again with that script.
import { describe, expect, it } from 'vitest';
import { WORLD_MONTH_NAMES } from '../../../main/core/text/dates/world-month-names';
import { monthNames, monthOf } from '../../../main/core/text/dates/month-names';
import { foldForDates } from '../../../main/core/text/dates/fold-text';
import { icuMonthNames } from '../../support/icu-month-names';

describe('month names from ICU', () => {
  it('holds, per language, exactly what ICU names each month', () => {
    const locales = Object.keys(WORLD_MONTH_NAMES);
    expect(locales.length).toBeGreaterThan(30);
    for (const locale of locales) {
      const fromIcu = icuMonthNames(locale).map((names) => names.join('|'));
      expect([locale, WORLD_MONTH_NAMES[locale]]).toEqual([locale, fromIcu]);
    }
  });

  it('reads every name as its month, in its own language at least', () => {
    for (const [locale, rows] of Object.entries(WORLD_MONTH_NAMES)) {
      const language = locale.split('-')[0]!;
      rows.forEach((row, i) => {
        for (const name of row.split('|')) {
          expect([locale, name, monthOf(foldForDates(name), language)?.month]).toEqual([
            locale,
            name,
            i + 1,
          ]);
        }
      });
    }
    // Spellings languages disagree on have no meaning without a language.
    expect(monthNames().byLanguage.has('listopad')).toBe(true);
    expect(monthOf('listopad', undefined)).toBeUndefined();
  });
});
