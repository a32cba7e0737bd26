// A calendar day checked and written as an ISO date.

// Years outside this span are not the date of a news article (a Hijri year, a page number).
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** The ISO date (YYYY-MM-DD) of a Gregorian day, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}
