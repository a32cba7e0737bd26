// Finds the date an article gives for itself, when it states one plainly near the top.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    pick: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    pick: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
];

// How far into the body a date still counts as the article's own date.
const HEAD_CHARS = 300;

/** Returns the first clear date (YYYY-MM-DD) in the dateline or the opening of the body. */
export function findArticleDate(dateline: string | null, body: string): string | null {
  const head = `${dateline ?? ''}\n${body.slice(0, HEAD_CHARS)}`;
  let best: { index: number; iso: string } | null = null;
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const iso = toIso(...pick(m));
    if (iso && (!best || m.index < best.index)) best = { index: m.index, iso };
  }
  return best?.iso ?? null;
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}
