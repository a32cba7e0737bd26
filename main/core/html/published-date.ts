// The article date (YYYY-MM-DD) a page's published time gives.
import { findDates } from '../text/dates/find-dates';

/**
 * The calendar date of a published time as the page writes it: "2025-11-03T23:30:00-05:00"
 * is 3 November (the date where it was published, not in UTC), "3 November 2025" too.
 */
export function publishedDateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  return findDates(value.trim())[0]?.iso ?? null;
}
