// Words for the timeline: a bar's period, a picked range, counts.
import type { TimelineBucket, TimelineUnit } from '../../../main/contract/timeline';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2004" for an ISO day. */
export function dayLabel(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** The period a bar covers: "3 Mar 2004", "Mar 2004" or "2004". */
export function bucketLabel(bucket: TimelineBucket, unit: TimelineUnit): string {
  if (unit === 'day') return dayLabel(bucket.from);
  if (unit === 'month')
    return `${MONTHS[Number(bucket.from.slice(5, 7)) - 1]} ${bucket.from.slice(0, 4)}`;
  return bucket.from.slice(0, 4);
}

/** A range of days as briefly as it reads: "2004", "Mar 2004", "1 Mar 2004 – 30 Jun 2004". */
export function rangeLabel(from: string | undefined, to: string | undefined): string {
  if (from === undefined && to === undefined) return '';
  if (from === undefined) return `until ${dayLabel(to!)}`;
  if (to === undefined) return `from ${dayLabel(from)}`;
  const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31');
  if (wholeYears) {
    return from.slice(0, 4) === to.slice(0, 4)
      ? from.slice(0, 4)
      : `${from.slice(0, 4)} – ${to.slice(0, 4)}`;
  }
  const lastOfMonth =
    new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate() ===
    Number(to.slice(8, 10));
  if (from.endsWith('-01') && lastOfMonth) {
    const a = bucketLabel({ from, to: from, count: 0 }, 'month');
    const b = bucketLabel({ from: to, to, count: 0 }, 'month');
    return a === b ? a : `${a} – ${b}`;
  }
  return from === to ? dayLabel(from) : `${dayLabel(from)} – ${dayLabel(to)}`;
}

/** "1 article", "1,234 articles". */
export function articles(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'article' : 'articles'}`;
}
