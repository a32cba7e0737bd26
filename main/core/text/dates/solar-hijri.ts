// The Solar Hijri (Persian, Jalali) calendar to Gregorian, with the Persian calendar of ICU
// (built into Node and Electron): its leap rule agrees with the Iranian calendar for every
// year an archive holds (checked against published Nowruz dates in the tests).

const DAY_MS = 86_400_000;
// Years of newspapers: 1200 AP is 1821, 1600 AP is 2221.
const MIN_YEAR = 1200;
const MAX_YEAR = 1600;

// Made on first use: loading ICU's Persian calendar cost every fresh process ~10 ms, and only
// an import that finds a Solar Hijri date needs it.
let persian: Intl.DateTimeFormat | null = null;
const PERSIAN = (): Intl.DateTimeFormat =>
  (persian ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }));

/** Day of the Solar Hijri year (1 = 1 Farvardin): six months of 31 days, then 30s. */
function dayOfYear(month: number, day: number): number {
  return month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
}

function persianParts(ms: number): [number, number, number] {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of PERSIAN().formatToParts(new Date(ms))) {
    if (p.type === 'year') year = Number.parseInt(p.value, 10);
    else if (p.type === 'month') month = Number.parseInt(p.value, 10);
    else if (p.type === 'day') day = Number.parseInt(p.value, 10);
  }
  return [year, month, day];
}

/** The ISO Gregorian date of a Solar Hijri day, or null when that day does not exist. */
export function solarHijriToIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  const target = dayOfYear(month, day);
  // Nowruz falls on 19–22 March of year + 621; start there and correct by what ICU says.
  let ms = Date.UTC(year + 621, 2, 20) + (target - 1) * DAY_MS;
  for (let step = 0; step < 4; step++) {
    const [y, m, d] = persianParts(ms);
    if (y === year && m === month && d === day) return isoOf(ms);
    const off = (year - y) * 365 + target - dayOfYear(m, d);
    // Across the end of a leap year the 365-day guess is one short.
    ms += (off === 0 ? Math.sign(year - y) : off) * DAY_MS;
  }
  // 30 Esfand of a common year: the search swings between 29 Esfand and 1 Farvardin.
  return null;
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
