// Markdown/static-site front matter: a `---` block of `key: value` lines before the article.

export interface FrontMatter {
  /** The `title:` value, unquoted, or null when the block has none. */
  title: string | null;
  /** The `date:` (or `published:`) value, unquoted, or null when the block has none. */
  date: string | null;
  /** Index of the first line after the closing fence. */
  next: number;
}

// A front-matter block longer than this is more likely a horizontal rule and a long text.
const MAX_LINES = 60;
const FENCE = /^---\s*$/;
const CLOSING_FENCE = /^(---|\.\.\.)\s*$/;
const KEY_LINE = /^[\p{L}_][\p{L}\p{N}_ -]*:(\s|$)/u;
const TITLE_LINE = /^title\s*:\s*(.*)$/i;
const DATE_LINE = /^(?:date|published|pubdate|publishdate|published_at)\s*:\s*(.*)$/i;

/** Finds a front-matter block starting at `start` in `lines`, or null when there is none. */
export function readFrontMatter(lines: readonly string[], start: number): FrontMatter | null {
  if (!FENCE.test(lines[start] ?? '')) return null;
  const end = Math.min(lines.length, start + 1 + MAX_LINES);
  let keys = 0;
  let title: string | null = null;
  let date: string | null = null;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i]!;
    if (CLOSING_FENCE.test(line)) return keys > 0 ? { title, date, next: i + 1 } : null;
    if (KEY_LINE.test(line)) {
      keys++;
      const m = TITLE_LINE.exec(line.trim());
      if (m && title === null) title = unquote(m[1]!.trim()) || null;
      const d = DATE_LINE.exec(line.trim());
      if (d && date === null) date = unquote(d[1]!.trim()) || null;
    } else if (line.trim() !== '' && !/^\s|^-\s/.test(line)) {
      // Not YAML-like (neither a key, an indented value nor a list item): not front matter.
      return null;
    }
  }
  return null;
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return (m ? m[2]! : value).trim();
}
