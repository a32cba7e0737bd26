// Day counts gathered into the timeline's bars: by day, month or year as the span allows.
import {
  TIMELINE_DAYS_UP_TO,
  TIMELINE_MONTHS_UP_TO,
  type TimelineBucket,
  type TimelineUnit,
} from '../../contract/timeline';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const monthNumber = (iso: string): number => +iso.slice(0, 4) * 12 + +iso.slice(5, 7) - 1;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The unit of bars for a span of days, first to last inclusive. */
export function timelineUnit(first: string, last: string): TimelineUnit {
  if (dayNumber(last) - dayNumber(first) + 1 <= TIMELINE_DAYS_UP_TO) return 'day';
  return monthNumber(last) - monthNumber(first) + 1 <= TIMELINE_MONTHS_UP_TO ? 'month' : 'year';
}

/**
 * Bars over [from ?? earliest day counted, to ?? latest], every one present (zero counts
 * too); `days` maps ISO days to article counts. No bars when nothing is dated and no range
 * is given.
 */
export function timelineBuckets(
  days: ReadonlyMap<string, number>,
  range: { from?: string; to?: string },
): { unit: TimelineUnit; buckets: TimelineBucket[] } {
  let first = range.from;
  let last = range.to;
  if (first === undefined || last === undefined) {
    let min: string | undefined;
    let max: string | undefined;
    for (const day of days.keys()) {
      if (min === undefined || day < min) min = day;
      if (max === undefined || day > max) max = day;
    }
    first ??= min;
    last ??= max;
  }
  if (first === undefined || last === undefined || first > last) {
    return { unit: 'month', buckets: [] };
  }
  const unit = timelineUnit(first, last);
  const buckets = emptyBuckets(unit, first, last);
  const indexOf = bucketIndex(unit, first);
  for (const [day, n] of days) {
    if (day < first || day > last) continue;
    buckets[indexOf(day)]!.count += n;
  }
  return { unit, buckets };
}

function bucketIndex(unit: TimelineUnit, first: string): (day: string) => number {
  if (unit === 'day') {
    const start = dayNumber(first);
    return (day) => dayNumber(day) - start;
  }
  if (unit === 'month') {
    const start = monthNumber(first);
    return (day) => monthNumber(day) - start;
  }
  const start = +first.slice(0, 4);
  return (day) => +day.slice(0, 4) - start;
}

function emptyBuckets(unit: TimelineUnit, first: string, last: string): TimelineBucket[] {
  const out: TimelineBucket[] = [];
  if (unit === 'day') {
    for (let n = dayNumber(first); n <= dayNumber(last); n++) {
      const day = isoOfDay(n);
      out.push({ from: day, to: day, count: 0 });
    }
  } else if (unit === 'month') {
    for (let m = monthNumber(first); m <= monthNumber(last); m++) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const prefix = `${pad(year, 4)}-${pad(month)}`;
      out.push({ from: `${prefix}-01`, to: `${prefix}-${pad(days)}`, count: 0 });
    }
  } else {
    for (let y = +first.slice(0, 4); y <= +last.slice(0, 4); y++) {
      out.push({ from: `${pad(y, 4)}-01-01`, to: `${pad(y, 4)}-12-31`, count: 0 });
    }
  }
  return out;
}
