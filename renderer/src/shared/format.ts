const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    // Without Intl.DisplayNames, languages are shown by their codes.
    return null;
  }
})();

/** "fa" → "Persian"; unknown codes fall back to the code itself. */
export function languageName(code: string): string {
  if (!code || code === 'und') return 'Unknown language';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    // A code Intl refuses (malformed) is shown as it is.
    return code;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A date for people; ISO dates without a time are read as calendar dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Title-cases an upper-case place ("TEHRAN" → "Tehran") for display in small caps. */
export function formatPlace(place: string): string {
  return place
    .toLowerCase()
    .replace(/(^|[\s\-'’(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The date an article shows: its own, or its import date marked as such ("added …"). */
export function articleDateLabel(meta: { articleDate: string | null; importedAt: string }): {
  text: string;
  added: boolean;
} {
  return meta.articleDate
    ? { text: formatDate(meta.articleDate), added: false }
    : { text: `added ${formatDate(meta.importedAt)}`, added: true };
}

/**
 * Where an article came from, short: its folder and file name ("2024/storm.txt"), since
 * archives often reuse file names across folders; the file name alone for dropped contents.
 */
export function sourceLabel(meta: { sourceName: string; sourcePath: string | null }): string {
  if (!meta.sourcePath) return meta.sourceName;
  const parts = meta.sourcePath.split(/[\\/]/).filter(Boolean);
  return parts.length >= 2 ? parts.slice(-2).join('/') : meta.sourceName;
}
