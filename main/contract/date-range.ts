// Dates as people type them for filters: a year, a month or a day (2004, 2004-03,
// 2004-03-01), ranges (2004-03..2004-06, 2004..), comparisons (>2010, <=2004-06). Shared by
// the search's date: field, `list --from/--to` and the app's timeline.
import { z } from './zod';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SPEC = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `text` is a real day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  return m !== null && realDay(+m[1]!, +m[2]!, +m[3]!);
}

/** A day, YYYY-MM-DD, that exists in the calendar. */
export const isoDaySchema = z
  .string()
  .refine(isIsoDay, { error: 'must be a day written YYYY-MM-DD' });

/** The first and last day of a span (inclusive), as ISO days. */
export interface DaySpan {
  first: string;
  last: string;
}

/** The days a year, month or day covers ("2004" is 2004-01-01..2004-12-31); null if malformed. */
export function spanOf(spec: string): DaySpan | null {
  const m = SPEC.exec(spec.trim());
  if (!m) return null;
  const year = +m[1]!;
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const month = +m[2];
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${String(days)}` };
  }
  if (!realDay(year, month, +m[3])) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return { first: day, last: day };
}

/** An inclusive range of days; null ends are open. */
export interface DateBounds {
  from: string | null;
  to: string | null;
}

/** What a date filter accepts, for messages. */
export const DATE_FORMS =
  'a year, month or day (2004, 2004-03, 2004-03-01), a range (2004-03..2004-06, 2004..) or a comparison (>2010, <=2004-06)';

/**
 * Reads a date filter: a span, `a..b` (either end may be left open), or `>`, `>=`, `<`, `<=`
 * before a span. Returns the bounds, or a one-line reason it cannot be read.
 */
export function parseDateBounds(text: string): DateBounds | { error: string } {
  const value = text.trim();
  const bad = (part: string) => ({ error: `"${part}" is not a date: use ${DATE_FORMS}.` });
  const cmp = /^(>=|<=|>|<)\s*(.*)$/.exec(value);
  if (cmp) {
    const span = spanOf(cmp[2]!);
    if (!span) return bad(cmp[2]! || value);
    if (cmp[1] === '>=') return { from: span.first, to: null };
    if (cmp[1] === '<=') return { from: null, to: span.last };
    if (cmp[1] === '>') return { from: shiftDay(span.last, 1), to: null };
    return { from: null, to: shiftDay(span.first, -1) };
  }
  const dots = value.indexOf('..');
  if (dots >= 0) {
    const [a, b] = [value.slice(0, dots).trim(), value.slice(dots + 2).trim()];
    if (a === '' && b === '') return bad(value);
    const start = a === '' ? null : spanOf(a);
    const end = b === '' ? null : spanOf(b);
    if (a !== '' && !start) return bad(a);
    if (b !== '' && !end) return bad(b);
    const bounds = { from: start?.first ?? null, to: end?.last ?? null };
    if (bounds.from !== null && bounds.to !== null && bounds.from > bounds.to) {
      return { error: `The range ${value} starts after it ends.` };
    }
    return bounds;
  }
  const span = spanOf(value);
  return span ? { from: span.first, to: span.last } : bad(value);
}

/** Whether an article's date (ISO day, or null when undated) lies within the bounds. */
export function withinBounds(date: string | null, bounds: DateBounds): boolean {
  if (date === null) return false;
  const day = date.slice(0, 10);
  return (bounds.from === null || day >= bounds.from) && (bounds.to === null || day <= bounds.to);
}

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shiftDay(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
